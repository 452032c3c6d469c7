package dev.costagent.perf.junit;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses annotation durations: {@code "250ms"}, {@code "30s"}, {@code "1.5s"}, {@code "2m"}, {@code "1h"} or ISO-8601.
 * Public so that every performance annotation accepts the same forms.
 */
public final class DurationText {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)");

    private DurationText() {}

    /**
     * The duration, or {@code null} for an empty text (meaning "not set").
     *
     * @throws IllegalArgumentException naming the attribute when the text is not a duration
     */
    public static Duration parse(String text, String attribute) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        Matcher m = SIMPLE.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            double nanosPerUnit = switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            return Duration.ofNanos(Math.round(amount * nanosPerUnit));
        }
        try {
            return Duration.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(attribute + " = \"" + text
                    + "\" is not a duration: use a number with ns, us, ms, s, m or h (such as \"30s\"), or ISO-8601");
        }
    }
}
