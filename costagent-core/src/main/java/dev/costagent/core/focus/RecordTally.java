package dev.costagent.core.focus;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts what one stretch of input did with its records: accepted, rejected (with the first rejects in detail), the
 * strict-mode failure, and nulls in non-nullable FOCUS columns of accepted records. CSV stretches and typed sources
 * keep the same tally, so that every source reports rejects and data quality the same way.
 */
final class RecordTally {

    private static final FocusColumn[] COLUMNS = FocusColumn.values();

    final FocusHeader header;
    private final boolean lenient;
    private final int maxRejectDetails;
    /** Field indexes of the non-nullable FOCUS columns the input has, and their null counts. */
    private final int[] nonNullableFields;

    final long[] nullCounts;
    /** The checks every record passes before a sink sees it, and the data-quality counts of accepted ones. */
    final RecordValidator validator;

    long accepted;
    long rejected;
    final List<RejectedRecord> rejects = new ArrayList<>();
    /** The first bad record in strict mode, or {@code null}. */
    RejectedRecord failure;

    RecordTally(FocusHeader header, ReadOptions options) {
        this.header = header;
        this.lenient = options.lenient();
        this.maxRejectDetails = options.maxRejectDetails();
        List<Integer> fields = new ArrayList<>();
        for (FocusColumn column : COLUMNS) {
            if (!column.nullable() && header.has(column)) {
                fields.add(header.field(column));
            }
        }
        this.nonNullableFields = fields.stream().mapToInt(Integer::intValue).toArray();
        this.nullCounts = new long[nonNullableFields.length];
        this.validator = new RecordValidator(header);
    }

    /** Counts an accepted record and its nulls. */
    void accepted(FocusRow row) {
        accepted++;
        validator.observe(row);
        for (int i = 0; i < nonNullableFields.length; i++) {
            if (row.isNull(nonNullableFields[i])) {
                nullCounts[i]++;
            }
        }
    }

    /** Counts a batch of records, all accepted (see {@link TypedInput.Part#acceptColumns}), and their nulls. */
    void accepted(ColumnBatch batch) {
        int rows = batch.rows();
        accepted += rows;
        validator.observe(batch);
        for (int i = 0; i < nonNullableFields.length; i++) {
            nullCounts[i] += batch.nullCount(nonNullableFields[i]);
        }
    }

    /** Counts a bad record: the failure in strict mode, a reject in lenient mode. */
    void bad(long line, String column, String reason, String snippet) {
        RejectedRecord record = new RejectedRecord(header.file(), line, column, reason, snippet);
        if (!lenient) {
            failure = record;
            return;
        }
        rejected++;
        if (rejects.size() < maxRejectDetails) {
            rejects.add(record);
        }
    }

    /** The FOCUS columns whose nulls {@link #nullCounts} counts, in the same order. */
    List<String> nullCountedColumns() {
        List<String> names = new ArrayList<>();
        for (int field : nonNullableFields) {
            names.add(header.names().get(field));
        }
        return names;
    }
}
