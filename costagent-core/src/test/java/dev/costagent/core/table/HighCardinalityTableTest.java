package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusCsvWriter;
import dev.costagent.core.focus.ReadOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data shaped like real exports: a row-unique line-item id, many resources, tags on most rows. The unique column must
 * cost a code per row, not an attribute set per row, and every query must answer as if it were an ordinary column.
 */
class HighCardinalityTableTest {

    private static final int ROWS = 30_000;
    private static final int RESOURCES = 600;
    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");

    private static List<CostRecord> records;

    @BeforeAll
    static void bill() {
        Random random = new Random(7);
        records = new ArrayList<>(ROWS);
        String[] services = {"Amazon EC2", "Amazon S3", "Amazon RDS"};
        for (int r = 0; r < ROWS; r++) {
            int resource = r % RESOURCES;
            int hour = r / RESOURCES;
            Map<String, String> tags = resource % 10 < 7
                    ? Map.of("team", "t" + resource % 13, "env", resource % 2 == 0 ? "prod" : "dev")
                    : Map.of();
            records.add(CostRecord.builder()
                    .serviceName(services[resource % services.length])
                    .resourceId("i-" + Integer.toHexString(0x100000 + resource))
                    .billingCurrency("USD")
                    .chargeCategory("Usage")
                    .chargePeriodStart(START.plusSeconds(3600L * hour))
                    .chargePeriodEnd(START.plusSeconds(3600L * (hour + 1)))
                    .effectiveCost(BigDecimal.valueOf(random.nextInt(100_000), 4))
                    .billedCost(BigDecimal.valueOf(random.nextInt(100_000), 4))
                    .tags(tags)
                    .extra(Map.of("Id", "line-" + Long.toHexString(random.nextLong()) + "-" + r))
                    .build());
        }
    }

    @Test
    void aRowUniqueColumnDoesNotMakeEveryRowAnAttributeSet() {
        CostTable table = CostTable.of(records);
        assertThat(table.rowCount()).isEqualTo(ROWS);
        assertThat(table.attributeSets()).isLessThanOrEqualTo(2 * RESOURCES);
        // Facts (56 bytes), a code per row for the id and its bytes (about 30), with room for the rest.
        assertThat(table.heapBytes() / ROWS).isLessThan(200);
    }

    @Test
    void queriesOnTheUniqueColumnAnswerAsOnAnyColumn() {
        CostTable table = CostTable.of(records);
        QueryResult byId = table.execute(
                CostQuery.builder().groupBy(Dimension.column("Id")).build());
        assertThat(byId.groups()).hasSize(ROWS);
        Map<String, Double> expected = new TreeMap<>();
        for (CostRecord r : records) {
            expected.merge(r.extra().get("Id"), r.effectiveCost().doubleValue(), Double::sum);
        }
        assertThat(byId.groups()).extracting(g -> g.key(0)).containsExactlyElementsOf(expected.keySet());
        for (QueryResult.Group g : byId.groups()) {
            assertThat(g.value()).isCloseTo(expected.get(g.key(0)), within(1e-9));
        }

        String oneId = records.get(12_345).extra().get("Id");
        QueryResult filtered = table.execute(CostQuery.builder()
                .groupBy(
                        Dimension.DAY,
                        Dimension.column("Id"),
                        Dimension.of(dev.costagent.core.focus.FocusColumn.SERVICE_NAME))
                .filter(Filter.in(Dimension.column("Id"), oneId))
                .build());
        assertThat(filtered.groups()).singleElement().satisfies(g -> {
            assertThat(g.key(1)).isEqualTo(oneId);
            assertThat(g.key(2)).isEqualTo(records.get(12_345).serviceName());
            assertThat(g.value()).isEqualTo(records.get(12_345).effectiveCost().doubleValue());
        });
    }

    @Test
    void aLargeResultIsAnUnmodifiableListEqualToItsGroupsCopied() {
        CostTable table = CostTable.of(records);
        QueryResult result = table.execute(CostQuery.builder()
                .groupBy(Dimension.of(dev.costagent.core.focus.FocusColumn.RESOURCE_ID), Dimension.HOUR)
                .build());

        List<QueryResult.Group> copied = new ArrayList<>(result.groups());
        assertThat(result.groups()).hasSize(ROWS).isEqualTo(copied);
        assertThat(new QueryResult(result.query(), copied, result.total(), result.rows()))
                .isEqualTo(result);
        assertThat(result.groups().get(ROWS - 1).key())
                .containsExactly("i-" + Integer.toHexString(0x100000 + RESOURCES - 1), "2024-09-03T01");
        assertThatThrownBy(() -> result.groups().add(copied.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.groups().get(0).key().set(0, "x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.groups().get(ROWS)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void groupingByResourceServiceTagAndHourMatchesAPlainSum() {
        CostTable table = CostTable.of(records);
        QueryResult result = table.execute(CostQuery.builder()
                .metric(Metric.BILLED_COST)
                .groupBy(
                        Dimension.tag("team"),
                        Dimension.of(dev.costagent.core.focus.FocusColumn.RESOURCE_ID),
                        Dimension.HOUR)
                .build());
        Map<List<String>, Double> expected = new TreeMap<>(QueryResult.KEY_ORDER);
        for (CostRecord r : records) {
            String hour = r.chargePeriodStart().toString().substring(0, 13);
            List<String> key = java.util.Arrays.asList(r.tags().get("team"), r.resourceId(), hour);
            expected.merge(key, r.billedCost().doubleValue(), Double::sum);
        }
        assertThat(result.groups()).hasSize(expected.size());
        assertThat(result.groups()).extracting(QueryResult.Group::key).containsExactlyElementsOf(expected.keySet());
        assertThat(result.total())
                .isCloseTo(
                        expected.values().stream()
                                .mapToDouble(Double::doubleValue)
                                .sum(),
                        within(1e-6));
    }

    @Test
    void stretchesThatDisagreeOnWhichColumnsAreRowLevelJoinIntoOneTable(@TempDir Path dir) throws IOException {
        // The second half of the file has no ids: its stretches keep the (null) column in their sets, the first
        // half's move it per row; the table must hold both, with the same answers as the records.
        List<CostRecord> mixed = new ArrayList<>(records.subList(0, ROWS / 2));
        for (CostRecord r : records.subList(ROWS / 2, ROWS)) {
            mixed.add(r.toBuilder().extra(Map.of()).build());
        }
        Path csv = dir.resolve("mixed.csv");
        try (FocusCsvWriter writer = FocusCsvWriter.to(Files.newOutputStream(csv), List.of("Id"))) {
            mixed.forEach(writer::write);
        }
        CostTable fromFile = CostTable.read(
                csv, ReadOptions.builder().threads(2).chunkBytes(1 << 16).build());
        CostTable fromRecords = CostTable.of(mixed);
        CostQuery query = CostQuery.builder()
                .groupBy(Dimension.column("Id"), Dimension.DAY)
                .build();
        assertThat(fromFile.execute(query).groups())
                .isEqualTo(fromRecords.execute(query).groups());
        assertThat(fromFile.execute(query).groups()).hasSize(ROWS / 2 + 2);
        assertThat(fromFile.attributeSets()).isLessThanOrEqualTo(2 * RESOURCES);
    }

    @Test
    void aRowLevelValueRepeatedAcrossStretchesIsOneGroup(@TempDir Path dir) throws IOException {
        // Ids that mostly differ but repeat now and then, far apart: kept per row as bytes, they must still group as
        // one value wherever (in whichever stretch) they recur, and nulls stay null.
        List<CostRecord> repeated = new ArrayList<>(ROWS);
        for (int r = 0; r < ROWS; r++) {
            CostRecord record = records.get(r);
            Map<String, String> extra = r % 97 == 0 ? Map.of() : Map.of("Id", "line-" + (r % 3 == 0 ? r % 1_000 : r));
            repeated.add(record.toBuilder().extra(extra).build());
        }
        Path csv = dir.resolve("repeated.csv");
        try (FocusCsvWriter writer = FocusCsvWriter.to(Files.newOutputStream(csv), List.of("Id"))) {
            repeated.forEach(writer::write);
        }
        CostTable table = CostTable.read(
                csv, ReadOptions.builder().threads(2).chunkBytes(1 << 16).build());
        Map<String, Double> expected =
                new TreeMap<>(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        for (CostRecord r : repeated) {
            expected.merge(r.extra().get("Id"), r.effectiveCost().doubleValue(), Double::sum);
        }
        QueryResult byId = table.execute(
                CostQuery.builder().groupBy(Dimension.column("Id")).build());
        assertThat(byId.groups()).extracting(g -> g.key(0)).containsExactlyElementsOf(expected.keySet());
        for (QueryResult.Group g : byId.groups()) {
            assertThat(g.value()).isCloseTo(expected.get(g.key(0)), within(1e-9));
        }
        assertThat(byId.groups())
                .isEqualTo(CostTable.of(repeated)
                        .execute(CostQuery.builder()
                                .groupBy(Dimension.column("Id"))
                                .build())
                        .groups());
    }
}
