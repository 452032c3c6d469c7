package dev.costagent.core.source;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.table.CostTable;
import java.util.List;

/** Billing records already in memory (tests, embedding applications). Its version is the records' hash. */
public final class RecordsSource implements CostSource {

    private final String name;
    private final List<CostRecord> records;

    private RecordsSource(String name, List<CostRecord> records) {
        this.name = name;
        this.records = List.copyOf(records);
    }

    /** A named source of records. */
    public static RecordsSource of(String name, List<CostRecord> records) {
        return new RecordsSource(name, records);
    }

    @Override
    public String id() {
        return "records:" + name;
    }

    @Override
    public String version() {
        return records.size() + ":" + records.hashCode();
    }

    @Override
    public CostTable load(ReadOptions options) {
        return CostTable.of(records);
    }
}
