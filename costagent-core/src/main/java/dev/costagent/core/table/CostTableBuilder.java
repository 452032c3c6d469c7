package dev.costagent.core.table;

import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.FocusHeader;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.focus.TypedInput;
import java.time.Instant;
import java.util.List;

/**
 * Builds a {@link CostTable} from typed values, for sources that are not CSV text: in-memory records, the generator,
 * Parquet. Values go into the table's columns directly; decimals and timestamps are never formatted and parsed again.
 * Every record is checked as a CSV record is (strict mode throws at the first bad one, naming the source, the row and
 * the column; lenient mode counts it), and the data-quality report is the same.
 *
 * <pre>{@code
 * CostTableBuilder builder = CostTableBuilder.create("records", List.of("ServiceName", "EffectiveCost",
 *         "ChargePeriodStart"), ReadOptions.DEFAULTS);
 * int service = builder.field("ServiceName"), cost = builder.field("EffectiveCost");
 * int start = builder.field("ChargePeriodStart");
 * CostTableBuilder.Rows rows = builder.rows(1);
 * rows.string(service, "Amazon EC2").decimal(cost, 12.5).timestamp(start, 1_725_148_800L).endRow();
 * CostTable table = builder.build();
 * }</pre>
 *
 * <p>For a parallel source, each thread takes its own {@link Rows} (e.g. one per Parquet row group); the table joins
 * them in the order they were taken.
 */
public final class CostTableBuilder {

    private final TypedInput<TableSink> input;

    private CostTableBuilder(TypedInput<TableSink> input) {
        this.input = input;
    }

    /**
     * A builder for records with these columns.
     *
     * @param name how errors and the table name the source (e.g. a file name)
     * @param columns the column names, FOCUS or not ({@code x_} columns and others are kept by name)
     * @throws dev.costagent.core.focus.FocusFormatException when a name appears twice
     */
    public static CostTableBuilder create(String name, List<String> columns, ReadOptions options) {
        boolean[] eagerText = new boolean[columns.size()];
        for (int i = 0; i < eagerText.length; i++) {
            eagerText[i] = !isFact(columns.get(i));
        }
        RowLevelHint hint = new RowLevelHint();
        return new CostTableBuilder(
                TypedInput.of(name, columns, options, header -> new TableSink(header, hint), eagerText));
    }

    /** Whether the table keeps the column as a number per row (an amount or the charge period), not as text. */
    static boolean isFact(String column) {
        var known = FocusColumn.byName(column);
        if (known.isEmpty()) {
            return false;
        }
        FocusColumn focus = known.get();
        if (focus == FocusColumn.CHARGE_PERIOD_START || focus == FocusColumn.CHARGE_PERIOD_END) {
            return true;
        }
        for (Metric metric : TableSchema.METRICS) {
            if (metric.column() == focus) {
                return true;
            }
        }
        return false;
    }

    /** The columns. */
    public FocusHeader header() {
        return input.header();
    }

    /** The field index of a column by name, or -1 when the builder does not have it. */
    public int field(String column) {
        return input.header().field(column);
    }

    /** The field index of a FOCUS column, or -1 when the builder does not have it. */
    public int field(FocusColumn column) {
        return input.header().field(column);
    }

    /**
     * A stretch of records for one thread, whose first record is row {@code firstRow} (1-based) of the source, for
     * error messages. Stretches join in the order they are taken.
     */
    public Rows rows(long firstRow) {
        return new Rows(input.part(firstRow));
    }

    /**
     * The table.
     *
     * @throws dev.costagent.core.focus.FocusFormatException for a strict-mode failure not yet thrown
     */
    public CostTable build() {
        return TableAssembler.assemble(input.finish());
    }

    /** Records filled by one thread: set a record's fields, then {@link #endRow()}. Unset fields are null. */
    public static final class Rows {
        private final TypedInput.Part<TableSink> part;

        private Rows(TypedInput.Part<TableSink> part) {
            this.part = part;
        }

        /** Sets a string field (Tags as its JSON text); {@code null} sets null. */
        public Rows string(int field, CharSequence value) {
            part.row().setString(field, value);
            return this;
        }

        /** Sets a string field from UTF-8 bytes (copied). */
        public Rows bytes(int field, byte[] utf8, int offset, int length) {
            part.row().setBytes(field, utf8, offset, length);
            return this;
        }

        /**
         * Sets a string field from UTF-8 bytes with the source's id of the value, as a columnar source's dictionary
         * index: within this {@code Rows}, a field's equal ids must hold equal bytes (different ids may hold equal
         * bytes too). Each id is then checked and encoded once; a row whose ids were seen costs no hashing of its
         * text. The bytes are read up to {@link #endRow()}: keep them unchanged until then.
         */
        public Rows bytes(int field, byte[] utf8, int offset, int length, int valueId) {
            part.row().setBytes(field, utf8, offset, length, valueId);
            return this;
        }

        /** Sets a decimal field; {@code NaN} sets null. */
        public Rows decimal(int field, double value) {
            part.row().setDecimal(field, value);
            return this;
        }

        /** Sets a timestamp field in UTC epoch seconds. */
        public Rows timestamp(int field, long epochSecond) {
            part.row().setTimestamp(field, epochSecond);
            return this;
        }

        /** Sets a timestamp field; {@code null} sets null. */
        public Rows timestamp(int field, Instant instant) {
            if (instant == null) {
                part.row().setNull(field);
            } else {
                part.row().setTimestamp(field, instant.getEpochSecond());
            }
            return this;
        }

        /** Sets a field to null. */
        public Rows setNull(int field) {
            part.row().setNull(field);
            return this;
        }

        /**
         * Ends the record: checks it and adds it to the table.
         *
         * @return whether it was accepted (lenient mode counts a rejected one)
         * @throws dev.costagent.core.focus.FocusFormatException in strict mode, for a bad record
         */
        public boolean endRow() {
            return part.endRecord();
        }
    }
}
