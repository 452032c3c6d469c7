package dev.costagent.core.focus;

import java.nio.charset.StandardCharsets;

/**
 * The record being read, as a reusable view over the reader's buffer: fields are byte ranges, decoded on demand
 * without allocation. A {@link RecordSink} reads it during {@link RecordSink#accept} only; it must copy anything it
 * keeps.
 *
 * <p>A field is null when it is empty or the literal {@code NULL} (quoted or not), as real exports write it.
 */
public final class FocusRow {

    private final FocusHeader header;
    private final CsvRecordScanner scanner;
    private byte[] buffer;
    private String failedColumn;
    private String failure;

    FocusRow(FocusHeader header, CsvRecordScanner scanner) {
        this.header = header;
        this.scanner = scanner;
    }

    void reset(byte[] buffer) {
        this.buffer = buffer;
        this.failedColumn = null;
        this.failure = null;
    }

    /** The header of the file being read. */
    public FocusHeader header() {
        return header;
    }

    /** The buffer the field ranges index into. */
    public byte[] buffer() {
        return buffer;
    }

    /** First byte of a field (its doubled quotes undone). */
    public int start(int field) {
        scanner.unescape(buffer, field);
        return scanner.starts[field];
    }

    /** One past the last byte of a field (its doubled quotes undone). */
    public int end(int field) {
        scanner.unescape(buffer, field);
        return scanner.ends[field];
    }

    /**
     * First byte of a field as written, doubled quotes and all. Two fields are equal exactly when their raw ranges
     * are (an unquoted field cannot hold a quote; a quoted one escapes every quote the same way), so raw bytes serve
     * for hashing and comparing without the cost of unescaping.
     */
    public int rawStart(int field) {
        return scanner.starts[field];
    }

    /** One past the last byte of a field as written; see {@link #rawStart}. */
    public int rawEnd(int field) {
        return scanner.ends[field];
    }

    /** Whether the field is null: empty, or the literal {@code NULL}. A missing column ({@code field < 0}) is null. */
    public boolean isNull(int field) {
        if (field < 0) {
            return true;
        }
        int start = scanner.starts[field];
        int length = scanner.ends[field] - start;
        if (length == 0) {
            return true;
        }
        return length == 4 && buffer[start] == 'N' && buffer[start + 1] == 'U' && buffer[start + 2] == 'L'
                && buffer[start + 3] == 'L';
    }

    /** The field as a decimal, or {@code NaN} when it is null or not a number (check {@link #isNull} first). */
    public double decimal(int field) {
        scanner.unescape(buffer, field);
        return DecimalParser.parse(buffer, scanner.starts[field], scanner.ends[field]);
    }

    /** The field as UTC epoch seconds, or {@link TimestampParser#INVALID}. */
    public long timestamp(int field) {
        scanner.unescape(buffer, field);
        return TimestampParser.parse(buffer, scanner.starts[field], scanner.ends[field]);
    }

    /** The field as a string (allocates; for rare paths), or {@code null} when null. */
    public String string(int field) {
        if (isNull(field)) {
            return null;
        }
        scanner.unescape(buffer, field);
        return new String(buffer, scanner.starts[field], scanner.ends[field] - scanner.starts[field],
                StandardCharsets.UTF_8);
    }

    /** The raw text of a field for error messages, capped at 40 characters. */
    public String snippet(int field) {
        int start = scanner.starts[field];
        int length = Math.min(scanner.ends[field] - start, 40);
        String text = new String(buffer, start, Math.max(length, 0), StandardCharsets.UTF_8);
        return scanner.ends[field] - start > 40 ? text + "..." : text;
    }

    /**
     * Marks the record bad. The sink then returns {@code false} from {@link RecordSink#accept}; the reader stops
     * (strict) or counts a reject (lenient) with this column and reason.
     *
     * @return {@code false}, for {@code return row.reject(...)}
     */
    public boolean reject(String column, String reason) {
        if (failure == null) {
            failedColumn = column;
            failure = reason;
        }
        return false;
    }

    /** Rejects a field that failed to parse as a number. */
    public boolean rejectNumber(int field) {
        return reject(header.names().get(field), "unparsable number '" + snippet(field) + "'");
    }

    /** Rejects a field that failed to parse as a timestamp. */
    public boolean rejectTimestamp(int field) {
        return reject(header.names().get(field), "unparsable timestamp '" + snippet(field)
                + "' (expected ISO 8601 or YYYY-MM-DD HH:MM:SS)");
    }

    String failedColumn() {
        return failedColumn;
    }

    String failure() {
        return failure;
    }
}
