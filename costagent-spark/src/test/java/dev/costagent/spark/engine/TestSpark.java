package dev.costagent.spark.engine;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the module's tests (local mode, two threads, two shuffle partitions, no UI, driver on
 * loopback, plans interpreted rather than compiled since the data is tiny), started on first use and stopped when the test JVM ends. Its time zone is deliberately not UTC, so that
 * the tests prove the engine's keys and parsing do not depend on it.
 */
public final class TestSpark {

    /** The session's time zone: not UTC, with a half-hour offset. */
    public static final String TIME_ZONE = "Asia/Kolkata";

    private static SparkSession session;

    private TestSpark() {}

    /** The shared session. */
    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("costagent-spark-tests")
                    .master("local[2]")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.session.timeZone", TIME_ZONE)
                    // Hundreds of small queries: compiling each plan costs more than running it interpreted.
                    .config("spark.sql.codegen.wholeStage", "false")
                    .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                    .config("spark.sql.adaptive.enabled", "false")
                    .getOrCreate();
            SparkSession stopped = session;
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::stop));
        }
        return session;
    }
}
