package dev.costagent.core.focus;

/**
 * A FOCUS input that cannot be read: the one documented error type of the reader. Its message is one line naming the
 * file, the line where the bad record starts, the column where there is one, and the reason, e.g.
 * {@code billing.csv:12: column BilledCost: unparsable number 'abc'}.
 */
public final class FocusFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;
    private final String reason;

    /**
     * An error at a line and column.
     *
     * @param file the file name as given by the user
     * @param line 1-based line where the bad record starts, or 0 when the error is not about a line
     * @param column the column name, or {@code null}
     * @param reason what is wrong, in a few words
     */
    public FocusFormatException(String file, long line, String column, String reason) {
        super(format(file, line, column, reason), null, false, false);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** An error about the whole file, with its cause (e.g. a truncated gzip stream). */
    public FocusFormatException(String file, String reason, Throwable cause) {
        super(format(file, 0, null, reason), cause, false, false);
        this.file = file;
        this.line = 0;
        this.column = null;
        this.reason = reason;
    }

    private static String format(String file, long line, String column, String reason) {
        StringBuilder message = new StringBuilder(file);
        if (line > 0) {
            message.append(':').append(line);
        }
        message.append(": ");
        if (column != null) {
            message.append("column ").append(column).append(": ");
        }
        return message.append(reason).toString();
    }

    /** The file, as the user named it. */
    public String file() {
        return file;
    }

    /** The 1-based line where the bad record starts, or 0. */
    public long line() {
        return line;
    }

    /** The column name, or {@code null}. */
    public String column() {
        return column;
    }

    /** What is wrong. */
    public String reason() {
        return reason;
    }
}
