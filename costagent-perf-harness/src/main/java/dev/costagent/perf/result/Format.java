package dev.costagent.perf.result;

import java.time.Duration;
import java.util.Locale;

/**
 * Human formatting of durations with a unit that fits (ns, µs, ms, s), shared by summaries, verdicts and reporters.
 */
public final class Format {

    private Format() {}

    /** Such as {@code "850 ns"}, {@code "12.3 µs"}, {@code "212.4 ms"} or {@code "3.20 s"}. */
    public static String duration(Duration duration) {
        return nanos(duration.toNanos());
    }

    /** A nanosecond count formatted like {@link #duration(Duration)}. */
    public static String nanos(double nanos) {
        double abs = Math.abs(nanos);
        if (abs < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (abs < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (abs < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
