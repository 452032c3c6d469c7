package dev.costagent.examples.cli;

import dev.costagent.core.focus.FocusFormatException;
import dev.costagent.core.source.CostSourceProvider;
import dev.costagent.core.table.QueryException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code costagent} command line. Bad input ends with a one-line message on stderr and a non-zero exit code,
 * never a stack trace: 2 for unusable input or arguments, 1 for I/O failures.
 */
@Command(
        name = "costagent",
        mixinStandardHelpOptions = true,
        version = "costagent 0.1.0",
        description = "Cloud cost analysis on FinOps FOCUS billing data.")
public final class CostagentCli {

    /**
     * The subcommands, in the order the help lists them. They are added to the command line programmatically so that
     * a run builds the model of the one it invokes only: picocli reads every option of every subcommand it is given,
     * which cost a one-shot {@code summarize} about 0.14 s of its start-up.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    /** Exit code for bad input or arguments. */
    public static final int BAD_INPUT = 2;
    /** Exit code for I/O failures. */
    public static final int IO_FAILURE = 1;

    private CostagentCli() {}

    /** Runs the CLI and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Thread warmUp = warmUpEngine(args);
        CommandLine commandLine = new CommandLine(new CostagentCli());
        Class<?> invoked = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
        if (invoked != null && invoked != CommandLine.HelpCommand.class) {
            commandLine.addSubcommand(args[0], invoked);
        } else { // help, version, no command or an unknown one: the usage and the suggestions need them all
            SUBCOMMANDS.forEach(commandLine::addSubcommand);
        }
        int code = execute(commandLine, "costagent", args, out, err);
        if (warmUp != null) {
            // A command that failed early must not exit while the library is half unpacked in the temp directory
            // (its driver deletes the file at exit only once it is complete).
            try {
                warmUp.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return code;
    }

    /**
     * Starts the named engine's one-time set-up ({@code --engine duckdb}: loading its native library) on a daemon
     * thread, so that it overlaps the parsing of the arguments and the loading of the command's classes on a second
     * core. An unknown engine is left for the command to report. Returns the thread, or null when there is none.
     */
    private static Thread warmUpEngine(String[] args) {
        String engine = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--engine") && i + 1 < args.length) {
                engine = args[i + 1];
            } else if (args[i].startsWith("--engine=")) {
                engine = args[i].substring("--engine=".length());
            }
        }
        if (engine == null || engine.equals("memory")) {
            return null;
        }
        String named = engine;
        Thread warmUp = new Thread(
                () -> {
                    try {
                        CostSourceProvider.forEngine(named).warmUp();
                    } catch (RuntimeException e) {
                        // the command reports an unknown engine in its own words
                    }
                },
                "costagent-engine-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return warmUp;
    }

    /**
     * The subcommands by name. The names are written here, not read from each class's {@code @Command}: reading the
     * annotations of eight classes (and loading them) took a one-shot command 15-20 ms of its start, for one of them;
     * {@code CliTest} holds each name equal to its annotation's.
     */
    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("analyze", AnalyzeCommand.class);
        commands.put("summarize", SummarizeCommand.class);
        commands.put("recommend", RecommendCommand.class);
        commands.put("explain", ExplainCommand.class);
        commands.put("utilization", UtilizationCommand.class);
        commands.put("ingest", IngestCommand.class);
        commands.put("generate", GenerateCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        return commands;
    }

    /** The subcommands by name, in the order the help lists them. */
    static Map<String, Class<?>> subcommandsByName() {
        return SUBCOMMANDS;
    }

    /**
     * Runs a picocli command the way the CLI runs its own: errors as one line on {@code err} prefixed by {@code
     * name}, exit code {@link #BAD_INPUT} for unusable input or arguments, {@link #IO_FAILURE} for I/O failures.
     * Other front ends of the same commands (costagent-spark's {@code SparkMain}) run through it.
     */
    public static int execute(Object command, String name, String[] args, PrintWriter out, PrintWriter err) {
        return execute(new CommandLine(command), name, args, out, err);
    }

    private static int execute(CommandLine commandLine, String name, String[] args, PrintWriter out, PrintWriter err) {
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine failed = exception.getCommandLine();
            failed.getErr()
                    .println(name + ": " + oneLine(exception) + " (see '"
                            + failed.getCommandSpec().qualifiedName() + " --help')");
            failed.getErr().flush();
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println(name + ": " + oneLine(exception));
            line.getErr().flush();
            return unwrap(exception) instanceof UncheckedIOException ? IO_FAILURE : BAD_INPUT;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The message of an error as one line: wrappers ({@code CompletionException}, {@code ExecutionException} and the
     * like, which only say on which thread the error happened) are unwrapped to their cause; line breaks are folded.
     */
    static String oneLine(Throwable exception) {
        Throwable error = unwrap(exception);
        String message = error.getMessage();
        String text;
        if (error instanceof FocusFormatException
                || error instanceof QueryException
                || error instanceof IllegalArgumentException
                || error instanceof UncheckedIOException) {
            text = message == null ? error.getClass().getSimpleName() : message;
        } else {
            text = error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** The error a wrapper carries. */
    static Throwable unwrap(Throwable exception) {
        Throwable error = exception;
        while (error.getCause() != null
                && error.getCause() != error
                && (error instanceof java.util.concurrent.CompletionException
                        || error instanceof java.util.concurrent.ExecutionException
                        || error instanceof java.lang.reflect.InvocationTargetException
                        || error instanceof java.lang.reflect.UndeclaredThrowableException
                        || error.getClass() == RuntimeException.class
                                && error.getMessage() != null
                                && error.getMessage().equals(error.getCause().toString()))) {
            error = error.getCause();
        }
        return error;
    }
}
