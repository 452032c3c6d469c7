package dev.costagent.examples.cli;

import dev.costagent.core.focus.FocusVersion;
import dev.costagent.core.focus.ReadOptions;
import picocli.CommandLine.Option;

/**
 * How to read FOCUS data, as flags: {@code --lenient} and {@code --focus-version}. A picocli mixin shared by every
 * command that reads billing data (through {@code ReadFlags} and {@code AgentInputFlags}) and by other front ends of
 * the same commands (costagent-spark's), so that the flags, their help and their errors are the same everywhere.
 */
public final class FocusFlags {

    @Option(names = "--lenient", description = "Go on past bad records and report them instead of stopping.")
    private boolean lenient;

    @Option(
            names = "--focus-version",
            paramLabel = "VERSION",
            description = "Read the input as this FOCUS version (1.0, 1.1, 1.2 or 1.3; default: detected from the "
                    + "columns). Decides which columns are mandatory.")
    private String focusVersion;

    /** Made by picocli. */
    public FocusFlags() {}

    /** Whether bad records are skipped and counted instead of stopping the read. */
    public boolean lenient() {
        return lenient;
    }

    /**
     * The declared FOCUS version, or {@code null} to detect it from the columns.
     *
     * @throws IllegalArgumentException naming an unknown version
     */
    public FocusVersion focusVersion() {
        return focusVersion == null ? null : FocusVersion.parse(focusVersion);
    }

    /** Read options with these flags set, for the caller to add its own (progress, threads). */
    public ReadOptions.Builder readOptions() {
        return ReadOptions.builder().lenient(lenient).focusVersion(focusVersion());
    }
}
