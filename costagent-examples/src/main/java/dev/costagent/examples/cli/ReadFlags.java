package dev.costagent.examples.cli;

import dev.costagent.core.focus.FocusVersion;
import dev.costagent.core.focus.ReadOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The reading flags shared by commands that read FOCUS files: {@code --lenient}, {@code --quiet}, {@code --threads},
 * {@code --focus-version}.
 */
final class ReadFlags {

    @Mixin
    FocusFlags focus;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--threads", description = "Parallel parsers (default: one per core).")
    Integer threads;

    /** The declared FOCUS version, or {@code null} to detect it. */
    FocusVersion focusVersion() {
        return focus.focusVersion();
    }

    /** The read options these flags ask for. */
    ReadOptions options() {
        ReadOptions.Builder options = focus.readOptions().progress(ProgressPrinter.forTerminal(quiet));
        if (threads != null) {
            options.threads(threads);
        }
        return options.build();
    }
}
