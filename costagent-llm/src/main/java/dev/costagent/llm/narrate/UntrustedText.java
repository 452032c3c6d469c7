package dev.costagent.llm.narrate;

import java.util.regex.Pattern;

/**
 * Makes a string from billing data safe to show a model or write to a log: control, line-separator and
 * invisible format characters ({@code \p{Cf}}: bidirectional overrides, zero-width characters, Unicode tag
 * characters that can smuggle hidden instructions) become spaces, runs of whitespace collapse, and the length is capped. Quoting is
 * left to the JSON encoder, which escapes quotes and backslashes.
 */
public final class UntrustedText {

    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");
    private static final String ELLIPSIS = "…";

    private UntrustedText() {}

    /** The cleaned, capped text ({@code maxLength} characters at most, an ellipsis marking a cut). */
    public static String clean(String text, int maxLength) {
        String cleaned = SPACES.matcher(UNSAFE.matcher(text).replaceAll(" "))
                .replaceAll(" ")
                .strip();
        if (cleaned.length() <= maxLength) {
            return cleaned;
        }
        int cut = Math.max(0, maxLength - ELLIPSIS.length());
        if (cut > 0 && Character.isHighSurrogate(cleaned.charAt(cut - 1))) {
            cut--;
        }
        return cleaned.substring(0, cut) + ELLIPSIS;
    }
}
