package dev.costagent.spark;

import dev.costagent.examples.cli.CostagentCli;
import java.io.PrintWriter;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code costagent} command line on Spark: {@code summarize} and {@code analyze} with the CLI's flags and JSON,
 * plus {@code --master} (default: what spark-submit set, else {@code local[*]}).
 *
 * <pre>
 * spark-submit --class dev.costagent.spark.SparkMain costagent-spark.jar analyze --input s3a://bucket/focus/ --format json
 * </pre>
 *
 * Bad input ends with a one-line message on stderr and exit code 2 (1 for I/O failures), as the CLI does.
 */
@Command(
        name = "costagent-spark",
        mixinStandardHelpOptions = true,
        version = "costagent-spark 0.1.0",
        description = "Cloud cost analysis on FinOps FOCUS billing data, on Spark.",
        subcommands = {AnalyzeSpark.class, SummarizeSpark.class, CommandLine.HelpCommand.class})
public final class SparkMain {

    /** Exit code for bad input or arguments, as the CLI's. */
    public static final int BAD_INPUT = CostagentCli.BAD_INPUT;
    /** Exit code for I/O failures, as the CLI's. */
    public static final int IO_FAILURE = CostagentCli.IO_FAILURE;

    private SparkMain() {}

    /** Runs a command, stops the Spark session and exits with the command's code. */
    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        System.exit(code);
    }

    /**
     * Runs a command with the given streams and returns the exit code; the Spark session (the running one, or one
     * started here) stays open.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return CostagentCli.execute(new SparkMain(), "costagent-spark", args, out, err);
    }
}
