package dev.costagent.llm.narrate;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Puts a model's answer in one canonical form before it is checked: NFKC (full-width digits, {@code ％}, ligatures),
 * decimal digits of any script as ASCII digits (with the Arabic thousands and decimal separators), invisible format characters ({@code \p{Cf}}: zero-width joiners,
 * bidirectional marks, Unicode tag characters) removed, and whitespace collapsed. The checker and the reader then see
 * the same figures.
 */
final class NarrativeText {

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Zs}]+");

    private NarrativeText() {}

    /** The canonical form of {@code text}. */
    static String normalize(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); ) {
            int codePoint = composed.codePointAt(i);
            i += Character.charCount(codePoint);
            int type = Character.getType(codePoint);
            if (type == Character.FORMAT) {
                continue;
            }
            if (codePoint == '\u066C') {
                out.append(',');
            } else if (codePoint == '\u066B') {
                out.append('.');
            } else if (type == Character.DECIMAL_DIGIT_NUMBER && codePoint > '9') {
                out.append((char) ('0' + Character.digit(codePoint, 10)));
            } else if (type == Character.CONTROL
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(' ');
            } else {
                out.appendCodePoint(codePoint);
            }
        }
        return SPACES.matcher(out).replaceAll(" ").strip();
    }
}
