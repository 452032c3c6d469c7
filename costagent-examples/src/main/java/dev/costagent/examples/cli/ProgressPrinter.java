package dev.costagent.examples.cli;

import dev.costagent.core.focus.ReadProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a long read's progress on one stderr line (bytes, rows/s, elapsed), only when stderr is a terminal and the
 * user did not ask for {@code --quiet}.
 */
final class ProgressPrinter implements ReadProgress {

    private final PrintStream err;

    private ProgressPrinter(PrintStream err) {
        this.err = err;
    }

    /** A printer to stderr when it is a terminal and not quiet; otherwise {@link ReadProgress#NONE}. */
    static ReadProgress forTerminal(boolean quiet) {
        return quiet || System.console() == null ? ReadProgress.NONE : new ProgressPrinter(System.err);
    }

    @Override
    public void update(long bytes, long totalBytes, long records, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
        err.printf(
                Locale.ROOT,
                "\r%,d / %,d MB  %,d rows  %,.0f rows/s  %.1f s   ",
                bytes >> 20,
                totalBytes >> 20,
                records,
                records / seconds,
                seconds);
        err.flush();
    }
}
