package dev.costagent.core.focus;

import java.util.ArrayList;
import java.util.List;

/**
 * Records of a typed source (in-memory records, the generator, Parquet), fed to sinks without going through CSV text.
 * The records come in {@link Part}s, each filled by one thread; the result lists the parts' sinks in the order the
 * parts were made, with the same counts, rejects and data-quality findings a CSV read gives.
 *
 * <p>Errors name the source and the record's 1-based row number where a CSV error names the line.
 *
 * @param <S> the sink type
 */
public final class TypedInput<S extends RecordSink> {

    /**
     * For tests only: {@code rows} makes {@link Part#acceptColumns} decline every batch (the row path alone),
     * {@code only} makes it fail on a batch it would decline (proof that the column path ran); unset, batches go
     * column at a time whenever that is exactly equivalent.
     */
    public static final String COLUMNS_PROPERTY = "costagent.typedInput.columns";

    private final FocusHeader header;
    private final ReadOptions options;
    private final RecordSink.SinkFactory<S> factory;
    private final boolean[] eagerText;
    private final List<Part<S>> parts = new ArrayList<>();

    private TypedInput(
            FocusHeader header, ReadOptions options, RecordSink.SinkFactory<S> factory, boolean[] eagerText) {
        this.header = header;
        this.options = options;
        this.factory = factory;
        this.eagerText = eagerText;
    }

    /**
     * Typed input with these columns.
     *
     * @param name how errors name the source
     * @param columns the column names (FOCUS or not), in the source's order
     * @param eagerText per column, whether typed values need their text at once (see {@link TypedRow})
     * @throws FocusFormatException when a column name appears twice
     */
    public static <S extends RecordSink> TypedInput<S> of(
            String name,
            List<String> columns,
            ReadOptions options,
            RecordSink.SinkFactory<S> factory,
            boolean[] eagerText) {
        return new TypedInput<>(new FocusHeader(name, columns, options.focusVersion()), options, factory, eagerText);
    }

    /** The columns. */
    public FocusHeader header() {
        return header;
    }

    /**
     * A new part whose first record is row {@code firstRow} (1-based) of the source. Parts are joined in the order
     * they are made, whatever the rows say.
     */
    public synchronized Part<S> part(long firstRow) {
        Part<S> part = new Part<>(this, firstRow);
        parts.add(part);
        return part;
    }

    /**
     * Ends the input: the parts' sinks in order, with counts, rejects and data quality.
     *
     * @throws FocusFormatException for the first strict-mode failure, in part order
     */
    public synchronized ReadResult<S> finish() {
        ReadResult.Builder<S> result = new ReadResult.Builder<>(options.maxRejectDetails(), null);
        for (Part<S> part : parts) {
            result.add(part.sink, part.tally, part.firstRow - 1);
        }
        return result.build();
    }

    /**
     * The records of one stretch of the source, filled by one thread: set the fields of {@link #row()}, then
     * {@link #endRecord()}.
     *
     * @param <S> the sink type
     */
    public static final class Part<S extends RecordSink> {
        private final S sink;
        private final RecordTally tally;
        private final TypedRow row;
        private final long firstRow;
        private long rows;

        private Part(TypedInput<S> input, long firstRow) {
            this.sink = input.factory.create(input.header);
            this.tally = new RecordTally(input.header, input.options);
            this.row = TypedRow.of(input.header, input.eagerText);
            this.firstRow = firstRow;
            row.clear();
        }

        /** The record being filled. */
        public TypedRow row() {
            return row;
        }

        /** The sink this part fills. */
        public S sink() {
            return sink;
        }

        /**
         * Hands a batch of records to the sink column at a time when that gives exactly what {@link #endRecord} row
         * by row would (counts, rejects, data quality, the sink's result): every record is valid, no check needs a
         * record's text, and the sink takes {@linkplain RecordSink#acceptColumns columns}. Otherwise nothing
         * changes and the caller hands the records row by row.
         *
         * @return whether the batch was taken
         */
        public boolean acceptColumns(ColumnBatch batch) {
            String mode = System.getProperty(COLUMNS_PROPERTY, "");
            if (mode.equals("rows")) {
                return false;
            }
            if (!sink.acceptsColumns(batch) || !tally.validator.allValid(batch) || !sink.acceptColumns(batch)) {
                if (mode.equals("only")) {
                    throw new IllegalStateException(COLUMNS_PROPERTY + "=only: a batch at row " + (firstRow + rows)
                            + " of " + tally.header.file() + " needs the row path");
                }
                return false;
            }
            tally.accepted(batch);
            rows += batch.rows();
            return true;
        }

        /**
         * Hands the record to the sink and clears the row for the next one.
         *
         * @return whether the record was accepted
         * @throws FocusFormatException in strict mode, for a record the sink rejects
         */
        public boolean endRecord() {
            rows++;
            boolean accepted = tally.validator.validate(row) && sink.accept(row);
            if (accepted) {
                tally.accepted(row);
            } else {
                tally.bad(rows, row.failedColumn(), row.failure(), "");
                if (tally.failure != null) {
                    RejectedRecord f = tally.failure;
                    throw new FocusFormatException(f.file(), firstRow - 1 + f.line(), f.column(), f.reason());
                }
            }
            row.clear();
            return accepted;
        }
    }
}
