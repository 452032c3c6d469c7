package dev.costagent.core.focus;

import dev.costagent.core.focus.parse.TimestampParser;

/**
 * The record being read, as a reusable view: fields are byte ranges of {@link #buffer()} (the text of a CSV field, or
 * a typed source's value), decoded on demand without allocation. A {@link RecordSink} reads it during
 * {@link RecordSink#accept} only; it must copy anything it keeps.
 *
 * <p>Two kinds exist: a CSV record (fields are ranges of the file's bytes) and a {@link TypedRow}, which a typed
 * source (in-memory records, the generator, Parquet) fills with strings, decimals and timestamps directly, so that no
 * source goes through CSV text to become a table.
 */
public abstract class FocusRow {

    private final FocusHeader header;
    private String failedColumn;
    private String failure;
    /** The charge period the validator parsed for this record (see {@link #checkedPeriodStart}). */
    private boolean periodChecked;

    private long checkedStart;
    private long checkedEnd;

    FocusRow(FocusHeader header) {
        this.header = header;
    }

    /** Forgets the previous record's failure. */
    final void clearFailure() {
        this.failedColumn = null;
        this.failure = null;
        this.periodChecked = false;
    }

    /** Records the charge period the validator parsed and checked, so that sinks need not parse it again. */
    final void checkedPeriod(long start, long end) {
        this.periodChecked = true;
        this.checkedStart = start;
        this.checkedEnd = end;
    }

    /**
     * Whether the reader's validator has checked this record's charge period: ChargePeriodStart parses and lies in
     * the years billing data covers, ChargePeriodEnd parses and is not before it. Then {@link #checkedPeriodStart}
     * and {@link #checkedPeriodEnd} hold the parsed values, so a sink reads them instead of parsing the text again.
     */
    public final boolean periodChecked() {
        return periodChecked;
    }

    /** The checked ChargePeriodStart in epoch seconds, {@link Long#MIN_VALUE} when null (see {@link #periodChecked}). */
    public final long checkedPeriodStart() {
        return checkedStart;
    }

    /** The checked ChargePeriodEnd in epoch seconds, {@link Long#MIN_VALUE} when null (see {@link #periodChecked}). */
    public final long checkedPeriodEnd() {
        return checkedEnd;
    }

    /** The header of the input being read. */
    public final FocusHeader header() {
        return header;
    }

    /**
     * Whether consecutive fields lie next to each other in {@link #buffer()}, as in CSV text, so that a run of fields
     * can be read as one range from the first field's {@link #rawStart} to the last one's {@link #rawEnd}.
     */
    public abstract boolean fieldsAdjacent();

    /** The buffer the field ranges index into. */
    public abstract byte[] buffer();

    /** First byte of a field's text. */
    public abstract int start(int field);

    /** One past the last byte of a field's text. */
    public abstract int end(int field);

    /**
     * First byte of a field as written (for CSV: doubled quotes and all). Two fields are equal exactly when their raw
     * ranges are, so raw bytes serve for hashing and comparing without the cost of unescaping.
     */
    public abstract int rawStart(int field);

    /** One past the last byte of a field as written; see {@link #rawStart}. */
    public abstract int rawEnd(int field);

    /** Whether the field is null. A missing column ({@code field < 0}) is null. */
    public abstract boolean isNull(int field);

    /**
     * Whether the field holds a value that the source did not decode (a column a projected read skips: known to be
     * there, nothing more). Checks pass over such fields; CSV fields are always read.
     */
    public boolean isUnread(int field) {
        return false;
    }

    /**
     * An id of the field's value that a typed source gives (a Parquet dictionary index), or -1. Within one stretch of
     * input (one sink, one validator) equal ids of a field mean equal values, so per-value work (checking, encoding)
     * is done once per id; different ids may still hold equal values. CSV records have none.
     */
    public int valueId(int field) {
        return -1;
    }

    /** Whether this row's source gives {@link #valueId}s (it may still give -1 for some values). */
    public boolean hasValueIds() {
        return false;
    }

    /** The field as a decimal, or {@code NaN} when it is null or not a number (check {@link #isNull} first). */
    public abstract double decimal(int field);

    /** The field as UTC epoch seconds, or {@link TimestampParser#INVALID}. */
    public abstract long timestamp(int field);

    /** The field as a string (allocates; for rare paths), or {@code null} when null. */
    public abstract String string(int field);

    /** The text of a field for error messages, capped at 40 characters. */
    public abstract String snippet(int field);

    /**
     * Marks the record bad. The sink then returns {@code false} from {@link RecordSink#accept}; the reader stops
     * (strict) or counts a reject (lenient) with this column and reason.
     *
     * @return {@code false}, for {@code return row.reject(...)}
     */
    public final boolean reject(String column, String reason) {
        if (failure == null) {
            failedColumn = column;
            failure = reason;
        }
        return false;
    }

    /** Rejects a field that failed to parse as a number. */
    public final boolean rejectNumber(int field) {
        return reject(header.names().get(field), "unparsable number '" + snippet(field) + "'");
    }

    /** Rejects a field that failed to parse as a timestamp. */
    public final boolean rejectTimestamp(int field) {
        return reject(
                header.names().get(field),
                "unparsable timestamp '" + snippet(field) + "' (expected ISO 8601 or YYYY-MM-DD HH:MM:SS)");
    }

    final String failedColumn() {
        return failedColumn;
    }

    final String failure() {
        return failure;
    }
}
