package dev.costagent.examples.cli;

import dev.costagent.core.focus.ReadOptions;
import picocli.CommandLine.Option;

/** The reading flags shared by commands that read FOCUS files: {@code --lenient}, {@code --quiet}, {@code --threads}. */
final class ReadFlags {

    @Option(names = "--lenient", description = "Go on past bad records and report them instead of stopping.")
    boolean lenient;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--threads", description = "Parallel parsers (default: one per core).")
    Integer threads;

    /** The read options these flags ask for. */
    ReadOptions options() {
        ReadOptions.Builder options = ReadOptions.builder().lenient(lenient)
                .progress(ProgressPrinter.forTerminal(quiet));
        if (threads != null) {
            options.threads(threads);
        }
        return options.build();
    }
}
