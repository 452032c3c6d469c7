package dev.costagent.perf.resource;

import java.util.Locale;

/**
 * Parses and formats the units resource limits are written in: sizes such as {@code "512MB"} or {@code "1.5KiB"}
 * and durations such as {@code "20us"}, {@code "150ms"} or {@code "2s"}.
 */
public final class Units {

    private Units() {}

    /** Parses a size: a number with an optional unit B, KB/KiB, MB/MiB, GB/GiB (all powers of 1024). */
    public static long parseBytes(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace("IB", "B");
        long factor = 1;
        String number = t;
        if (t.endsWith("KB")) {
            factor = 1L << 10;
        } else if (t.endsWith("MB")) {
            factor = 1L << 20;
        } else if (t.endsWith("GB")) {
            factor = 1L << 30;
        }
        if (factor > 1) {
            number = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B")) {
            number = t.substring(0, t.length() - 1);
        }
        try {
            return Math.round(Double.parseDouble(number.trim()) * factor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: '" + text + "' (examples: 512, 64KB, 1.5MB, 2GB)");
        }
    }

    /** Parses a duration to nanoseconds: a number with unit ns, us, ms, s or m. */
    public static long parseNanos(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        String[][] units = {
            {"ns", "1"}, {"us", "1000"}, {"µs", "1000"}, {"ms", "1000000"}, {"s", "1000000000"}, {"m", "60000000000"}
        };
        for (String[] unit : units) {
            if (t.endsWith(unit[0])) {
                String number = t.substring(0, t.length() - unit[0].length()).trim();
                try {
                    return Math.round(Double.parseDouble(number) * Long.parseLong(unit[1]));
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        throw new IllegalArgumentException("not a duration: '" + text + "' (examples: 500ns, 20us, 150ms, 2s, 1m)");
    }

    /** Formats bytes with a binary unit, e.g. "1.5 MiB"; "n/a" for negative or NaN. */
    public static String bytes(double value) {
        if (Double.isNaN(value) || value < 0) {
            return "n/a";
        }
        if (value >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", value / (1L << 30));
        }
        if (value >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", value / (1L << 20));
        }
        if (value >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", value / (1L << 10));
        }
        return String.format(Locale.ROOT, "%.0f B", value);
    }

    /** Formats nanoseconds with a fitting unit, e.g. "12.3 us"; "n/a" for negative or NaN. */
    public static String nanos(double value) {
        if (Double.isNaN(value) || value < 0) {
            return "n/a";
        }
        if (value >= 1e9) {
            return String.format(Locale.ROOT, "%.2f s", value / 1e9);
        }
        if (value >= 1e6) {
            return String.format(Locale.ROOT, "%.2f ms", value / 1e6);
        }
        if (value >= 1e3) {
            return String.format(Locale.ROOT, "%.2f us", value / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f ns", value);
    }
}
