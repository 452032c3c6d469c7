package dev.costagent.core.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A column kept per row (see {@link Attributes}): each row's value bytes back to back, found by one end offset per row
 * (a null row's end is stored complemented, so that null and an empty value stay apart). Appending a row costs a copy
 * of its bytes, no hash and no object: a row-unique column (a line-item id) is never looked up while a table is
 * built. Queries that group or filter by the column get dictionary codes, computed once on the first such query
 * ({@link #codes()}, {@link #values()}), numbered in order of first appearance as a dictionary built while reading
 * would number them.
 *
 * <p>The rows live in segments: a table takes each stretch's column as a segment of its own ({@link #appendAll}),
 * so joining stretches copies no value bytes and never regrows one large array.
 *
 * <p>Appending is for one thread; once the table holds the column it is read-only and the codes are made under a lock.
 */
final class RowLevelColumn {

    /** Full segments, in row order; rows are appended to {@link #bytes} and {@link #ends} after them. */
    private final List<Segment> segments = new ArrayList<>();

    private byte[] bytes;
    private int size;
    /**
     * The current segment's rows: row {@code r}'s bytes end at {@code ends[r]}, or at {@code ~ends[r]} (negative)
     * when the row is null, and start where the row before ends (0 for the segment's first row).
     */
    private int[] ends;

    private int segmentRows;
    private int rows;
    private volatile Coded coded;

    /** A run of rows: their value bytes and end offsets. */
    private record Segment(byte[] bytes, int[] ends, int rows) {}

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

    /** Makes room for {@code moreRows} rows of {@code moreBytes} bytes in all, so that appending them grows nothing. */
    void reserve(int moreRows, long moreBytes) {
        if (size + moreBytes > bytes.length) {
            bytes = Arrays.copyOf(bytes, grown(bytes.length, (int) Math.min(Integer.MAX_VALUE, size + moreBytes)));
        }
        if (segmentRows + moreRows > ends.length) {
            ends = Arrays.copyOf(ends, grown(ends.length, segmentRows + moreRows));
        }
    }

    /** Appends a null row. */
    void appendNull() {
        endRow();
        ends[segmentRows - 1] = ~size;
    }

    /** Appends a value of a dictionary ({@code 0}: null). */
    void append(ByteDictionary dictionary, int code) {
        if (code == 0) {
            appendNull();
        } else {
            dictionary.appendTo(code, this);
        }
    }

    /** Appends every row of another column, in order, taking over its arrays (the other is not used after). */
    void appendAll(RowLevelColumn other) {
        closeSegment();
        other.closeSegment();
        segments.addAll(other.segments);
        rows += other.rows;
    }

    /** Ends the current segment (trimmed to its rows) and starts an empty one. */
    private void closeSegment() {
        if (segmentRows > 0) {
            // Trimmed; taken as they are when already of their size (a stretch that reserved its rows' room).
            segments.add(new Segment(
                    bytes.length == size ? bytes : Arrays.copyOf(bytes, size),
                    ends.length == segmentRows ? ends : Arrays.copyOf(ends, segmentRows),
                    segmentRows));
            bytes = new byte[16 * 16];
            ends = new int[16];
            size = 0;
            segmentRows = 0;
        }
    }

    private void endRow() {
        if (segmentRows == ends.length) {
            ends = Arrays.copyOf(ends, grown(ends.length, segmentRows + 1));
        }
        ends[segmentRows++] = size;
        rows++;
    }

    private static int grown(int length, int needed) {
        long size = Math.max(needed, (long) length + (length >> 1) + 16);
        if (size > Integer.MAX_VALUE - 16) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new QueryException("a stretch of a per-row column holds more than 2 GB of values");
            }
            size = Integer.MAX_VALUE - 16;
        }
        return (int) size;
    }

    /** Trims the arrays to what the rows use, once no more rows come. */
    void trim() {
        closeSegment();
        bytes = new byte[0];
        ends = new int[0];
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
        int row = 0;
        List<Segment> all = new ArrayList<>(segments);
        if (segmentRows > 0) {
            all.add(new Segment(bytes, ends, segmentRows));
        }
        for (Segment segment : all) {
            int from = 0;
            for (int r = 0; r < segment.rows; r++) {
                int end = segment.ends[r];
                if (end < 0) {
                    from = ~end;
                } else {
                    codes[row] = dictionary.code(segment.bytes, from, end);
                    from = end;
                }
                row++;
            }
        }
        return new Coded(codes, dictionary.compact());
    }

    /** Approximate heap bytes held (the codes too once made). */
    long heapBytes() {
        long held = 32L + bytes.length + 4L * ends.length;
        for (Segment segment : segments) {
            held += 48L + segment.bytes.length + 4L * segment.ends.length;
        }
        Coded known = coded;
        return known == null ? held : held + 4L * known.codes.length + known.values.heapBytes();
    }
}
