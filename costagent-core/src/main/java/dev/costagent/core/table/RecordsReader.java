package dev.costagent.core.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.FocusReader;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.focus.ReadResult;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads in-memory {@link CostRecord}s through the same reader as files, so that records and files give identical
 * tables: the records are written as FOCUS CSV in memory and read back strictly.
 */
final class RecordsReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RecordComponent[] COMPONENTS = CostRecord.class.getRecordComponents();

    private RecordsReader() {}

    static ReadResult<TableSink> read(Iterable<CostRecord> records) {
        Set<String> extras = new LinkedHashSet<>();
        List<CostRecord> list = new ArrayList<>();
        for (CostRecord record : records) {
            list.add(record);
            extras.addAll(record.extra().keySet());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder line = new StringBuilder();
        for (FocusColumn column : FocusColumn.values()) {
            line.append(column.columnName()).append(',');
        }
        for (String extra : extras) {
            line.append(quote(extra)).append(',');
        }
        writeLine(out, line);
        for (CostRecord record : list) {
            for (FocusColumn column : FocusColumn.values()) {
                line.append(format(value(record, column))).append(',');
            }
            for (String extra : extras) {
                line.append(format(record.extra().get(extra))).append(',');
            }
            writeLine(out, line);
        }
        if (list.isEmpty()) {
            // A header-only input is an error for files; for records, an empty table is the honest answer.
            return new ReadResult<>(List.of(), 0, 0, List.of(), List.of());
        }
        return new FocusReader(ReadOptions.DEFAULTS).read("records", out.toByteArray(), TableSink::new);
    }

    private static void writeLine(ByteArrayOutputStream out, StringBuilder line) {
        line.setLength(line.length() - 1);
        line.append('\n');
        out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
    }

    private static Object value(CostRecord record, FocusColumn column) {
        String name = Character.toLowerCase(column.columnName().charAt(0)) + column.columnName().substring(1);
        for (RecordComponent component : COMPONENTS) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("CostRecord has no component for " + column);
    }

    private static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "";
            }
            try {
                return quote(JSON.writeValueAsString(map));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        if (text.isEmpty()) {
            return "\"\"";
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
