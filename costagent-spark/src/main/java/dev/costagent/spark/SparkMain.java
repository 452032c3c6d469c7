package dev.costagent.spark;

import dev.costagent.core.focus.FocusFormatException;
import dev.costagent.core.table.QueryException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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

    /** Exit code for bad input or arguments. */
    public static final int BAD_INPUT = 2;
    /** Exit code for I/O failures. */
    public static final int IO_FAILURE = 1;

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
        CommandLine commandLine = new CommandLine(new SparkMain());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine failed = exception.getCommandLine();
            failed.getErr()
                    .println("costagent-spark: " + oneLine(exception) + " (see '"
                            + failed.getCommandSpec().qualifiedName() + " --help')");
            failed.getErr().flush();
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("costagent-spark: " + oneLine(exception));
            line.getErr().flush();
            return unwrap(exception) instanceof UncheckedIOException ? IO_FAILURE : BAD_INPUT;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The error's message as one line; wrappers are unwrapped to their cause. */
    static String oneLine(Throwable exception) {
        Throwable error = unwrap(exception);
        String message = error.getMessage();
        String text = error instanceof FocusFormatException
                        || error instanceof QueryException
                        || error instanceof IllegalArgumentException
                        || error instanceof UncheckedIOException
                ? (message == null ? error.getClass().getSimpleName() : message)
                : error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable error = exception;
        while (error.getCause() != null
                && error.getCause() != error
                && (error instanceof java.util.concurrent.CompletionException
                        || error instanceof java.util.concurrent.ExecutionException
                        || error.getClass() == RuntimeException.class)) {
            error = error.getCause();
        }
        return error;
    }
}
