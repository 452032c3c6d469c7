package dev.costagent.duckdb;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.testing.QueryEngineContract;
import java.nio.file.Path;

/** DuckDB over FOCUS CSV passes core's engine contract unchanged. */
class DuckDbCsvContractTest extends QueryEngineContract {

    @Override
    protected QueryEngine engine(Path focusCsv) {
        return DuckDbQueryEngine.open(focusCsv, ReadOptions.DEFAULTS);
    }
}
