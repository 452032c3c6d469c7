package dev.costagent.core.focus;

/**
 * A typed source's records as columns: one stretch of rows (a Parquet row group), per field an array of numbers,
 * timestamps or text value ids with a null flag per row, so that validation and a sink can take the stretch column at
 * a time instead of row by row (see {@link TypedInput.Part#acceptColumns}).
 *
 * <p>The values mean what the same values set into a {@link TypedRow} mean: a NaN number and an empty text are null;
 * a field never set is null in every row; an {@linkplain Kind#UNREAD unread} field is only known to be there. The
 * batch refers to the source's arrays (no copy): it is valid until the source reuses them. Arrays may be longer than
 * {@link #rows()}.
 */
public final class ColumnBatch {

    /** What a field of the batch holds. */
    public enum Kind {
        /** Null in every row (the source does not have or does not decode the column). */
        ABSENT,
        /** Not decoded: per row only whether it is null ({@link TypedRow#setUnread}). */
        UNREAD,
        /** Numbers ({@link TypedRow#setDecimal}). */
        NUMBER,
        /** Timestamps in epoch seconds ({@link TypedRow#setTimestamp}). */
        TIME,
        /** UTF-8 texts by value id ({@link TypedRow#setBytes}). */
        TEXT
    }

    private final int rows;
    private final Kind[] kinds;
    private final boolean[][] nulls;
    private final double[][] numbers;
    private final long[][] times;
    private final int[][] ids;
    private final byte[][] text;
    private final int[][] textStart;
    private final int[][] textLength;
    private final int[] textCount;
    private final int[] sharedTexts;

    /** A batch of {@code rows} rows of {@code fields} fields, every field {@link Kind#ABSENT} until set. */
    public ColumnBatch(int fields, int rows) {
        this.rows = rows;
        kinds = new Kind[fields];
        java.util.Arrays.fill(kinds, Kind.ABSENT);
        nulls = new boolean[fields][];
        numbers = new double[fields][];
        times = new long[fields][];
        ids = new int[fields][];
        text = new byte[fields][];
        textStart = new int[fields][];
        textLength = new int[fields][];
        textCount = new int[fields];
        sharedTexts = new int[fields];
    }

    /** Marks a field as present but not decoded; {@code nulls} flags its null rows ({@code null}: none). */
    public void setUnread(int field, boolean[] nulls) {
        set(field, Kind.UNREAD, nulls);
    }

    /** Sets a field's numbers; {@code nulls} flags its null rows ({@code null}: none). */
    public void setNumbers(int field, double[] values, boolean[] nulls) {
        set(field, Kind.NUMBER, nulls);
        numbers[field] = values;
    }

    /** Sets a field's timestamps (epoch seconds); {@code nulls} flags its null rows ({@code null}: none). */
    public void setTimes(int field, long[] values, boolean[] nulls) {
        set(field, Kind.TIME, nulls);
        times[field] = values;
    }

    /**
     * Sets a field's texts: per row a value id, and per id its bytes {@code bytes[starts[id], starts[id] +
     * lengths[id])}.
     *
     * @param count the number of values
     * @param shared values below this id are shared by rows (a dictionary), those above belong to one row each
     */
    public void setTexts(
            int field,
            int[] valueIds,
            boolean[] nulls,
            byte[] bytes,
            int[] starts,
            int[] lengths,
            int count,
            int shared) {
        set(field, Kind.TEXT, nulls);
        ids[field] = valueIds;
        text[field] = bytes;
        textStart[field] = starts;
        textLength[field] = lengths;
        textCount[field] = count;
        sharedTexts[field] = shared;
    }

    private void set(int field, Kind kind, boolean[] nullFlags) {
        kinds[field] = kind;
        nulls[field] = nullFlags;
    }

    /** The number of rows. */
    public int rows() {
        return rows;
    }

    /** What a field holds; {@link Kind#ABSENT} for a field the input lacks ({@code field < 0}). */
    public Kind kind(int field) {
        return field < 0 ? Kind.ABSENT : kinds[field];
    }

    /** Whether a field is null in a row, as a {@link TypedRow} set from the same values would say. */
    public boolean isNull(int field, int row) {
        Kind kind = kind(field);
        if (kind == Kind.ABSENT || (nulls[field] != null && nulls[field][row])) {
            return true;
        }
        return switch (kind) {
            case NUMBER -> Double.isNaN(numbers[field][row]);
            case TEXT -> textLength[field][ids[field][row]] == 0;
            default -> false;
        };
    }

    /** The rows where a field {@linkplain #isNull is null}. */
    public int nullCount(int field) {
        Kind kind = kind(field);
        if (kind == Kind.ABSENT) {
            return rows;
        }
        boolean[] flags = nulls[field];
        int count = 0;
        switch (kind) {
            case NUMBER -> {
                double[] values = numbers[field];
                for (int r = 0; r < rows; r++) {
                    if ((flags != null && flags[r]) || Double.isNaN(values[r])) {
                        count++;
                    }
                }
            }
            case TEXT -> {
                if (!hasEmptyText(field)) {
                    return flagged(flags);
                }
                int[] valueIds = ids[field];
                int[] lengths = textLength[field];
                for (int r = 0; r < rows; r++) {
                    if ((flags != null && flags[r]) || lengths[valueIds[r]] == 0) {
                        count++;
                    }
                }
            }
            default -> count = flagged(flags);
        }
        return count;
    }

    private boolean hasEmptyText(int field) {
        for (int id = 0; id < textCount[field]; id++) {
            if (textLength[field][id] == 0) {
                return true;
            }
        }
        return false;
    }

    private int flagged(boolean[] flags) {
        int count = 0;
        if (flags != null) {
            for (int r = 0; r < rows; r++) {
                if (flags[r]) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Per row, whether the source flagged it null ({@code null} when none is); see {@link #isNull} for the rest. */
    public boolean[] nulls(int field) {
        return nulls[field];
    }

    /** A {@link Kind#NUMBER} field's values. */
    public double[] numbers(int field) {
        return numbers[field];
    }

    /** A {@link Kind#TIME} field's values. */
    public long[] times(int field) {
        return times[field];
    }

    /** A {@link Kind#TEXT} field's value id per row. */
    public int[] ids(int field) {
        return ids[field];
    }

    /** A {@link Kind#TEXT} field's value bytes (see {@link #textStart}). */
    public byte[] text(int field) {
        return text[field];
    }

    /** Where a text value starts in {@link #text}. */
    public int textStart(int field, int id) {
        return textStart[field][id];
    }

    /** A text value's length in bytes; 0 is null. */
    public int textLength(int field, int id) {
        return textLength[field][id];
    }

    /** The number of text values of a field. */
    public int textCount(int field) {
        return textCount[field];
    }

    /**
     * Ids below this are shared by rows (they may key caches, as {@link FocusRow#valueId} does); an id at or above
     * belongs to one row.
     */
    public int sharedTexts(int field) {
        return sharedTexts[field];
    }

    /** A text value as a string. */
    public String string(int field, int id) {
        return new String(
                text[field], textStart[field][id], textLength[field][id], java.nio.charset.StandardCharsets.UTF_8);
    }
}
