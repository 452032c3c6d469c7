package dev.costagent.core.focus;

/**
 * A record lenient reading refused.
 *
 * @param file the file
 * @param line the 1-based line where the record starts
 * @param column the column at fault, or {@code null} when the record as a whole is bad (e.g. wrong field count)
 * @param reason what is wrong
 * @param snippet the start of the record's raw text, capped
 */
public record RejectedRecord(String file, long line, String column, String reason, String snippet) {

    /** The one-line form used in reports and logs. */
    public String describe() {
        return new FocusFormatException(file, line, column, reason).getMessage();
    }
}
