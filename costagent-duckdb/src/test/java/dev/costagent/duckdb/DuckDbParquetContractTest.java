package dev.costagent.duckdb;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.testing.QueryEngineContract;
import java.nio.file.Path;

/** DuckDB over FOCUS Parquet (converted from the contract's CSV with DuckDB's type detection) passes the contract. */
class DuckDbParquetContractTest extends QueryEngineContract {

    @Override
    protected QueryEngine engine(Path focusCsv) throws Exception {
        return DuckDbQueryEngine.open(Parquet.fromCsv(focusCsv), ReadOptions.DEFAULTS);
    }
}
