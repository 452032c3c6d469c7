package dev.costagent.core.table;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.testing.QueryEngineContract;
import java.nio.file.Path;
import java.util.List;

/** The in-memory table passes the engine contract, built from records. */
class CostTableContractTest extends QueryEngineContract {

    @Override
    protected QueryEngine engine(Path focusCsv) {
        return CostTable.read(focusCsv, ReadOptions.DEFAULTS);
    }

    @Override
    protected QueryEngine engine(List<CostRecord> records) {
        return CostTable.of(records);
    }
}
