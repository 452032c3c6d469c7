package dev.costagent.core.table;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.focus.parse.TagsParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads in-memory {@link CostRecord}s through the {@link CostTableBuilder}, checked strictly as a file's records are,
 * so that records and files give identical tables. Every FOCUS column is present; the records' extra columns follow.
 */
final class RecordsReader {

    private static final FocusColumn[] COLUMNS = FocusColumn.values();

    private RecordsReader() {}

    static CostTable read(Iterable<CostRecord> records) {
        Set<String> extras = new LinkedHashSet<>();
        List<CostRecord> list = new ArrayList<>();
        for (CostRecord record : records) {
            list.add(record);
            extras.addAll(record.extra().keySet());
        }
        return read(list, List.copyOf(extras));
    }

    /** Reads records in one pass, their extra columns known up front (others are an error). */
    static CostTable read(Iterable<CostRecord> records, List<String> extras) {
        List<String> columns = new ArrayList<>();
        for (FocusColumn column : COLUMNS) {
            columns.add(column.columnName());
        }
        columns.addAll(extras);
        CostTableBuilder builder = CostTableBuilder.create("records", columns, ReadOptions.DEFAULTS);
        CostTableBuilder.Rows rows = builder.rows(1);
        for (CostRecord record : records) {
            for (String extra : record.extra().keySet()) {
                if (!extras.contains(extra)) {
                    throw new IllegalArgumentException("record has extra column " + extra + " not among " + extras);
                }
            }
            for (FocusColumn column : COLUMNS) {
                set(rows, column.ordinal(), column, record);
            }
            int field = COLUMNS.length;
            for (String extra : extras) {
                rows.string(field++, record.extra().get(extra));
            }
            rows.endRow();
        }
        return builder.build();
    }

    private static void set(CostTableBuilder.Rows rows, int field, FocusColumn column, CostRecord record) {
        Object value = record.value(column);
        if (value == null) {
            return;
        }
        switch (column.type()) {
            case DECIMAL -> rows.decimal(field, ((BigDecimal) value).doubleValue());
            case TIMESTAMP -> rows.timestamp(field, (Instant) value);
            case TAGS -> {
                @SuppressWarnings("unchecked")
                Map<String, String> tags = (Map<String, String>) value;
                if (!tags.isEmpty()) {
                    rows.string(field, TagsParser.format(tags));
                }
            }
            default -> rows.string(field, (String) value);
        }
    }
}
