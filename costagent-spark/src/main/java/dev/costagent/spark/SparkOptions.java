package dev.costagent.spark;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.examples.cli.FocusFlags;
import java.io.PrintWriter;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags every Spark command shares: {@code --master}, {@code --quiet}, and the CLI's reading flags
 * ({@link FocusFlags}: {@code --lenient}, {@code --focus-version}). The session is the running one when there is one
 * (tests, a notebook), else a new one in UTC with the master asked for.
 */
final class SparkOptions {

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master (default: the one spark-submit set, else local[*]).")
    String master;

    @Mixin
    FocusFlags focus;

    @Option(names = "--quiet", description = "No timings or Spark warnings on stderr.")
    boolean quiet;

    /** The read options these flags ask for. */
    ReadOptions readOptions() {
        return focus.readOptions().build();
    }

    /** The running session, or a new one (its start-up time goes to stderr unless quiet). */
    SparkSession session(PrintWriter err) {
        long t0 = System.nanoTime();
        SparkSession.Builder builder = SparkSession.builder().appName("costagent");
        String configured = System.getProperty("spark.master");
        if (master != null || configured == null) {
            builder.master(master != null ? master : "local[*]");
        }
        SparkSession spark = builder.config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.showConsoleProgress", "false")
                .getOrCreate();
        if (quiet) {
            spark.sparkContext().setLogLevel("ERROR");
        }
        timing(err, "Spark start-up", t0);
        return spark;
    }

    /** One line of timing on stderr ("costagent-spark: Spark start-up 2.31 s"), unless quiet. */
    void timing(PrintWriter err, String what, long startNanos) {
        if (!quiet) {
            err.printf(Locale.ROOT, "costagent-spark: %s %.2f s%n", what, (System.nanoTime() - startNanos) / 1e9);
            err.flush();
        }
    }
}
