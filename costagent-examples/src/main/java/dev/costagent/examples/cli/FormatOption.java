package dev.costagent.examples.cli;

import java.util.Arrays;
import java.util.Locale;

/**
 * The check of a command's {@code --format} value against the formats it can print, with the one error message all
 * commands share: {@code unknown --format 'xml'; expected table, json or md}.
 */
final class FormatOption {

    private FormatOption() {}

    /**
     * The value in lower case if it names one of the allowed formats, ignoring case.
     *
     * @throws IllegalArgumentException naming the value as given and the allowed formats
     */
    static String require(String value, String... allowed) {
        return check(value, value.toLowerCase(Locale.ROOT), allowed);
    }

    /**
     * The value itself if it names one of the allowed formats exactly; for a command that has always matched case.
     *
     * @throws IllegalArgumentException naming the value and the allowed formats
     */
    static String requireExact(String value, String... allowed) {
        return check(value, value, allowed);
    }

    private static String check(String given, String candidate, String... allowed) {
        if (Arrays.asList(allowed).contains(candidate)) {
            return candidate;
        }
        throw new IllegalArgumentException("unknown --format '" + given + "'; expected " + spoken(allowed));
    }

    /** {@code table, json or md}: the allowed formats as the message reads them. */
    private static String spoken(String... allowed) {
        int last = allowed.length - 1;
        return last == 0 ? allowed[0] : String.join(", ", Arrays.copyOf(allowed, last)) + " or " + allowed[last];
    }
}
