package dev.costagent.core.table;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.testing.QueryEngineContract;
import java.nio.file.Path;

/** The in-memory table passes the engine contract, read from FOCUS CSV (two parser threads, small chunks). */
class CostTableFromCsvContractTest extends QueryEngineContract {

    @Override
    protected QueryEngine engine(Path focusCsv) {
        return CostTable.read(
                focusCsv, ReadOptions.builder().threads(2).chunkBytes(16 << 10).build());
    }
}
