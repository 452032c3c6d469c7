package dev.costagent.core.table;

import java.util.Arrays;

/**
 * A column kept per row (see {@link Attributes}): each row's value bytes back to back, found by one end offset per row
 * (a null row's end is stored complemented, so that null and an empty value stay apart). Appending a row costs a copy of its bytes, no hash and no object: a row-unique column (a
 * line-item id) is never looked up while a table is built. Queries that group or filter by the column get dictionary
 * codes, computed once on the first such query ({@link #codes()}, {@link #values()}), numbered in order of first
 * appearance as a dictionary built while reading would number them.
 *
 * <p>Appending is for one thread; once the table holds the column it is read-only and the codes are made under a lock.
 */
final class RowLevelColumn {

    private byte[] bytes;
    private int size;
    /**
     * Row {@code r}'s bytes end at {@code ends[r]}, or at {@code ~ends[r]} (negative) when the row is null, and start
     * where the row before ends.
     */
    private int[] ends;

    private int rows;
    private volatile Coded coded;

    /** The codes per row and the distinct values, made on first use. */
    private record Coded(int[] codes, ByteValues values) {}

    RowLevelColumn(int rowCapacity) {
        ends = new int[Math.max(rowCapacity, 16)];
        bytes = new byte[Math.max(rowCapacity, 16) * 16];
    }

    /** Appends a row's value, {@code bytes[from, to)} (not null; may be empty). */
    void append(byte[] source, int from, int to) {
        int length = to - from;
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, grown(bytes.length, size + length));
        }
        System.arraycopy(source, from, bytes, size, length);
        size += length;
        endRow();
    }

    /** Appends a null row. */
    void appendNull() {
        endRow();
        ends[rows - 1] = ~size;
    }

    /** Appends a value of a dictionary ({@code 0}: null). */
    void append(ByteDictionary dictionary, int code) {
        if (code == 0) {
            appendNull();
        } else {
            dictionary.appendTo(code, this);
        }
    }

    /** Appends every row of another column, in order. */
    void appendAll(RowLevelColumn other) {
        if (size + other.size > bytes.length) {
            bytes = Arrays.copyOf(bytes, grown(bytes.length, size + other.size));
        }
        System.arraycopy(other.bytes, 0, bytes, size, other.size);
        if (rows + other.rows > ends.length) {
            ends = Arrays.copyOf(ends, grown(ends.length, rows + other.rows));
        }
        for (int r = 0; r < other.rows; r++) {
            int end = other.ends[r];
            ends[rows + r] = end >= 0 ? size + end : ~(size + ~end);
        }
        size += other.size;
        rows += other.rows;
    }

    private void endRow() {
        if (rows == ends.length) {
            ends = Arrays.copyOf(ends, grown(ends.length, rows + 1));
        }
        ends[rows++] = size;
    }

    private static int grown(int length, int needed) {
        long size = Math.max(needed, (long) length + (length >> 1) + 16);
        if (size > Integer.MAX_VALUE - 16) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new QueryException("a per-row column holds more than 2 GB of values");
            }
            size = Integer.MAX_VALUE - 16;
        }
        return (int) size;
    }

    /** The number of rows. */
    int rows() {
        return rows;
    }

    /** Trims the arrays to what the rows use, once no more rows come. */
    void trim() {
        bytes = Arrays.copyOf(bytes, size);
        ends = Arrays.copyOf(ends, rows);
    }

    /** Per row, the code of its value in {@link #values()} (0: null). */
    int[] codes() {
        return coded().codes;
    }

    /** The distinct values, by code. */
    ByteValues values() {
        return coded().values;
    }

    private Coded coded() {
        Coded known = coded;
        if (known == null) {
            synchronized (this) {
                known = coded;
                if (known == null) {
                    known = encode();
                    coded = known;
                }
            }
        }
        return known;
    }

    private Coded encode() {
        ByteDictionary dictionary = new ByteDictionary();
        int[] codes = new int[rows];
        int from = 0;
        for (int r = 0; r < rows; r++) {
            int end = ends[r];
            if (end < 0) {
                from = ~end;
            } else {
                codes[r] = dictionary.code(bytes, from, end);
                from = end;
            }
        }
        return new Coded(codes, dictionary.compact());
    }

    /** Approximate heap bytes held (the codes too once made). */
    long heapBytes() {
        Coded known = coded;
        long held = 32L + bytes.length + 4L * ends.length;
        return known == null ? held : held + 4L * known.codes.length + known.values.heapBytes();
    }
}
