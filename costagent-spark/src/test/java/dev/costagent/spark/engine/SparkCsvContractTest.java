package dev.costagent.spark.engine;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.testing.QueryEngineContract;
import java.nio.file.Path;

/** Spark over FOCUS CSV passes core's engine contract unchanged (in a session whose time zone is not UTC). */
class SparkCsvContractTest extends QueryEngineContract {

    @Override
    protected QueryEngine engine(Path focusCsv) {
        return SparkQueryEngine.open(TestSpark.session(), focusCsv.toString(), ReadOptions.DEFAULTS);
    }
}
