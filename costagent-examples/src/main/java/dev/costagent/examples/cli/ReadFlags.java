package dev.costagent.examples.cli;

import dev.costagent.core.focus.FocusVersion;
import dev.costagent.core.focus.ReadOptions;
import picocli.CommandLine.Option;

/**
 * The reading flags shared by commands that read FOCUS files: {@code --lenient}, {@code --quiet}, {@code --threads},
 * {@code --focus-version}.
 */
final class ReadFlags {

    @Option(names = "--lenient", description = "Go on past bad records and report them instead of stopping.")
    boolean lenient;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--threads", description = "Parallel parsers (default: one per core).")
    Integer threads;

    @Option(
            names = "--focus-version",
            paramLabel = "VERSION",
            description = "Read the input as this FOCUS version (1.0, 1.1, 1.2 or 1.3; default: detected from the "
                    + "columns). Decides which columns are mandatory.")
    String focusVersion;

    /** The declared FOCUS version, or {@code null} to detect it. */
    FocusVersion focusVersion() {
        return focusVersion == null ? null : FocusVersion.parse(focusVersion);
    }

    /** The read options these flags ask for. */
    ReadOptions options() {
        ReadOptions.Builder options = ReadOptions.builder()
                .lenient(lenient)
                .progress(ProgressPrinter.forTerminal(quiet))
                .focusVersion(focusVersion());
        if (threads != null) {
            options.threads(threads);
        }
        return options.build();
    }
}
