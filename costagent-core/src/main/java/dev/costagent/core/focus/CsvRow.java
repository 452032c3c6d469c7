package dev.costagent.core.focus;

import dev.costagent.core.focus.parse.DecimalParser;
import dev.costagent.core.focus.parse.TimestampParser;
import java.nio.charset.StandardCharsets;

/**
 * A CSV record as a {@link FocusRow}: fields are byte ranges of the reader's buffer, found by the
 * {@link CsvRecordScanner}, decoded on demand without allocation.
 *
 * <p>A field is null when it is empty or the literal {@code NULL} (quoted or not), as real exports write it.
 */
final class CsvRow extends FocusRow {

    private final CsvRecordScanner scanner;
    private byte[] buffer;

    CsvRow(FocusHeader header, CsvRecordScanner scanner) {
        super(header);
        this.scanner = scanner;
    }

    void reset(byte[] buffer) {
        this.buffer = buffer;
        clearFailure();
    }

    /** The buffer the field ranges index into. */
    @Override
    public boolean fieldsAdjacent() {
        return true;
    }

    @Override
    public byte[] buffer() {
        return buffer;
    }

    /** First byte of a field (its doubled quotes undone). */
    @Override
    public int start(int field) {
        scanner.unescape(buffer, field);
        return scanner.starts[field];
    }

    /** One past the last byte of a field (its doubled quotes undone). */
    @Override
    public int end(int field) {
        scanner.unescape(buffer, field);
        return scanner.ends[field];
    }

    /**
     * First byte of a field as written, doubled quotes and all. Two fields are equal exactly when their raw ranges
     * are (an unquoted field cannot hold a quote; a quoted one escapes every quote the same way), so raw bytes serve
     * for hashing and comparing without the cost of unescaping.
     */
    @Override
    public int rawStart(int field) {
        return scanner.starts[field];
    }

    /** One past the last byte of a field as written; see {@link #rawStart}. */
    @Override
    public int rawEnd(int field) {
        return scanner.ends[field];
    }

    /** Whether the field is null: empty, or the literal {@code NULL}. A missing column ({@code field < 0}) is null. */
    @Override
    public boolean isNull(int field) {
        if (field < 0) {
            return true;
        }
        int start = scanner.starts[field];
        int length = scanner.ends[field] - start;
        if (length == 0) {
            return true;
        }
        return length == 4
                && buffer[start] == 'N'
                && buffer[start + 1] == 'U'
                && buffer[start + 2] == 'L'
                && buffer[start + 3] == 'L';
    }

    /** The field as a decimal, or {@code NaN} when it is null or not a number (check {@link #isNull} first). */
    @Override
    public double decimal(int field) {
        scanner.unescape(buffer, field);
        return DecimalParser.parse(buffer, scanner.starts[field], scanner.ends[field]);
    }

    /** The field as UTC epoch seconds, or {@link TimestampParser#INVALID}. */
    @Override
    public long timestamp(int field) {
        scanner.unescape(buffer, field);
        return TimestampParser.parse(buffer, scanner.starts[field], scanner.ends[field]);
    }

    /** The field as a string (allocates; for rare paths), or {@code null} when null. */
    @Override
    public String string(int field) {
        if (isNull(field)) {
            return null;
        }
        scanner.unescape(buffer, field);
        return new String(
                buffer, scanner.starts[field], scanner.ends[field] - scanner.starts[field], StandardCharsets.UTF_8);
    }

    /** The raw text of a field for error messages, capped at 40 characters. */
    @Override
    public String snippet(int field) {
        int start = scanner.starts[field];
        int length = Math.min(scanner.ends[field] - start, 40);
        String text = new String(buffer, start, Math.max(length, 0), StandardCharsets.UTF_8);
        return scanner.ends[field] - start > 40 ? text + "..." : text;
    }
}
