package dev.costagent.core.table;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusCsvWriter;
import dev.costagent.core.focus.FocusReader;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.focus.ReadResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads in-memory {@link CostRecord}s through the same reader as files, so that records and files give identical
 * tables: the records are written as FOCUS CSV in memory and read back strictly.
 */
final class RecordsReader {

    private RecordsReader() {}

    static ReadResult<TableSink> read(Iterable<CostRecord> records) {
        Set<String> extras = new LinkedHashSet<>();
        List<CostRecord> list = new ArrayList<>();
        for (CostRecord record : records) {
            list.add(record);
            extras.addAll(record.extra().keySet());
        }
        if (list.isEmpty()) {
            // A header-only input is an error for files; for records, an empty table is the honest answer.
            return new ReadResult<>(List.of(), 0, 0, List.of(), List.of());
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (FocusCsvWriter writer = FocusCsvWriter.to(csv, new ArrayList<>(extras))) {
            list.forEach(writer::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FocusReader(ReadOptions.DEFAULTS).read("records", csv.toByteArray(), TableSink::new);
    }
}
