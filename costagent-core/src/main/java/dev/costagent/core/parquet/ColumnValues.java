package dev.costagent.core.parquet;

import java.util.Arrays;

/**
 * One column of one row group, decoded: per row a null flag and a number, a timestamp (epoch seconds) or the id of a
 * text value. Text values live once in {@link #text}: a dictionary's entries are decoded once and rows refer to them.
 */
final class ColumnValues {

    static final int NUMBER = 0;
    static final int TIME = 1;
    static final int TEXT = 2;
    /** Only whether each row is null is known (a column the query does not read). */
    static final int PRESENCE = 3;

    final int kind;
    int rows;
    /** Per row, whether it is null; {@code null} when no row is. */
    boolean[] nulls;

    double[] numbers;
    long[] times;
    int[] ids;
    /** Text values: bytes, and per value its start and length. */
    byte[] text = new byte[0];

    int[] textStart = new int[0];
    int[] textLength = new int[0];
    int textCount;
    /**
     * Texts below this id are shared by rows (a dictionary's entries, or a boolean's two); a text at or above it
     * belongs to one row alone (a plain-encoded value), so its id is no key worth remembering anything by.
     */
    int sharedTexts;

    private int textUsed;

    ColumnValues(int kind, int rows) {
        this.kind = kind;
        this.rows = rows;
        switch (kind) {
            case NUMBER -> numbers = new double[rows];
            case TIME -> times = new long[rows];
            case TEXT -> ids = new int[rows];
            default -> {}
        }
    }

    /**
     * Values for another chunk of {@code rows} rows of this kind: this one emptied when its arrays are large enough,
     * so that a read's row groups reuse one set of arrays per column and thread instead of allocating (and the
     * collector copying) fresh ones for every row group; else a new one.
     */
    static ColumnValues reuse(ColumnValues previous, int kind, int rows) {
        if (previous == null || previous.kind != kind || capacity(previous) < rows) {
            return new ColumnValues(kind, rows);
        }
        previous.rows = rows;
        previous.nulls = null; // "null when no row is": the decoders' no-null paths test it, setNull makes it anew
        previous.textCount = 0;
        previous.textUsed = 0;
        previous.sharedTexts = 0;
        return previous;
    }

    private static int capacity(ColumnValues values) {
        return switch (values.kind) {
            case NUMBER -> values.numbers.length;
            case TIME -> values.times.length;
            case TEXT -> values.ids.length;
            default -> Integer.MAX_VALUE;
        };
    }

    boolean isNull(int row) {
        return nulls != null && nulls[row];
    }

    void setNull(int row) {
        if (nulls == null) {
            nulls = new boolean[rows];
        }
        nulls[row] = true;
    }

    /** Adds a text value; its id. */
    int addText(byte[] bytes, int offset, int length) {
        if (textCount == textStart.length) {
            int grown = Math.max(16, textCount * 2);
            textStart = Arrays.copyOf(textStart, grown);
            textLength = Arrays.copyOf(textLength, grown);
        }
        if (textUsed + length > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textUsed + length + 64));
        }
        System.arraycopy(bytes, offset, text, textUsed, length);
        textStart[textCount] = textUsed;
        textLength[textCount] = length;
        textUsed += length;
        return textCount++;
    }
}
