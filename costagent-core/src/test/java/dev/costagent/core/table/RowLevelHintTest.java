package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.focus.ReadResult;
import dev.costagent.core.focus.TypedInput;
import dev.costagent.core.focus.TypedRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stretches of one read share what they learn about row-level columns: once a stretch has moved a unique column
 * (a line-item id) to rows, a stretch started after it keeps the column per row from its first row, so that its
 * first rows are not each an attribute set of their own; the table answers the same either way.
 */
class RowLevelHintTest {

    private static final List<String> COLUMNS =
            List.of("ServiceName", "ResourceId", "EffectiveCost", "ChargePeriodStart", "ChargePeriodEnd", "Id");
    private static final int ID = COLUMNS.indexOf("Id");
    private static final int RESOURCES = 10;
    private static final long START = 1_725_148_800L;

    @Test
    void aStretchAfterOneThatMovedTheIdKeepsItPerRowFromItsFirstRow() {
        ReadResult<TableSink> shared = read(new RowLevelHint());
        ReadResult<TableSink> alone = read(null);

        int idAttribute = TableSchema.FIXED_WIDTH; // the first (only) non-FOCUS column
        TableSink second = shared.sinks().get(1);
        assertThat(second.rowLevel[idAttribute]).isTrue();
        assertThat(second.attributeSets.size()).isEqualTo(RESOURCES);
        // Without the shared hint the short stretch never learns it: every row is a set of its own.
        TableSink secondAlone = alone.sinks().get(1);
        assertThat(secondAlone.rowLevel[idAttribute]).isFalse();
        assertThat(secondAlone.attributeSets.size()).isEqualTo(100);

        CostQuery byId = CostQuery.builder().groupBy(Dimension.column("Id")).build();
        CostTable withHint = TableAssembler.assemble(read(new RowLevelHint()));
        CostTable without = TableAssembler.assemble(read(null));
        assertThat(withHint.execute(byId).groups()).hasSize(TableSink.FIRST_CHECK * 2 + 100);
        assertThat(withHint.execute(byId).groups())
                .isEqualTo(without.execute(byId).groups());
    }

    /**
     * Two stretches, the first long enough to move the id to rows, the second 100 rows; with {@code hint} null, each
     * stretch gets a hint of its own.
     */
    private static ReadResult<TableSink> read(RowLevelHint hint) {
        TypedInput<TableSink> input = TypedInput.of(
                "hint-test",
                COLUMNS,
                ReadOptions.builder().lenient(true).build(),
                header -> new TableSink(header, hint == null ? new RowLevelHint() : hint),
                new boolean[] {true, true, false, false, false, true});
        fill(input.part(1), 0, TableSink.FIRST_CHECK * 2);
        fill(input.part(1 + TableSink.FIRST_CHECK * 2), TableSink.FIRST_CHECK * 2, 100);
        return input.finish();
    }

    private static void fill(TypedInput.Part<TableSink> part, int first, int count) {
        for (int r = first; r < first + count; r++) {
            TypedRow row = part.row();
            row.setString(0, "Amazon EC2");
            row.setString(1, "i-" + r % RESOURCES);
            row.setDecimal(2, 1 + r % 7);
            row.setTimestamp(3, START + 3600L * (r / RESOURCES));
            row.setTimestamp(4, START + 3600L * (r / RESOURCES + 1));
            row.setString(ID, "line-" + r);
            part.endRecord();
        }
    }
}
