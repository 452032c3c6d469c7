package dev.costagent.core.table;

import dev.costagent.core.focus.ColumnBatch;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.FocusHeader;
import dev.costagent.core.focus.FocusRow;
import dev.costagent.core.focus.RecordSink;
import dev.costagent.core.focus.parse.TagsParser;
import dev.costagent.core.focus.parse.TimestampParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Builds one stretch of a {@link CostTable}: dictionary-encodes each row's attributes into an attribute set and
 * appends its amounts and charge period. Every value is checked before anything is kept, so a rejected row leaves no
 * trace in the facts.
 */
final class TableSink implements RecordSink {

    private static final int STRINGS = TableSchema.STRING_COLUMNS.length;
    private static final int DECIMALS = TableSchema.DECIMAL_ATTRIBUTES.length;
    private static final int TIMES = TableSchema.TIME_ATTRIBUTES.length;
    static final int TAGS = TableSchema.stringIndex(FocusColumn.TAGS);
    /**
     * The charge periods a table holds: 2000-01-01 and the 2^31 seconds (68 years) after it, so that every start fits
     * an int offset. A start outside them is a corrupt timestamp (a mistyped year), rejected like any bad value.
     */
    static final long FIRST_START = 946_684_800L;

    static final long END_OF_STARTS = FIRST_START + Integer.MAX_VALUE;
    /** Rows before the first check of how well attribute sets compress, and the factor between checks. */
    static final int FIRST_CHECK = 4096;

    static final int CHECK_FACTOR = 4;
    /**
     * Sets compress badly when there are more than one per this many rows; a column is then kept per row when it has
     * more distinct values than one per {@link #ROW_LEVEL_RATIO} rows.
     */
    static final int SETS_RATIO = 4;

    static final int ROW_LEVEL_RATIO = 4;

    final FocusHeader header;
    final List<String> extraNames = new ArrayList<>();
    final int[] extraFields;
    final int[] attributeFields;
    final int[] metricFields;
    final int startField;
    final int endField;

    /** One dictionary per attribute except the duration, which has its own. */
    final ByteDictionary[] dictionaries;
    /**
     * Per decimal and time attribute, the codes of values that do not parse. The table keeps such values as text
     * (queries group by them); parsing here only decides whether a row is acceptable, once per distinct value.
     */
    private final BitSet[] unparsable = new BitSet[DECIMALS + TIMES];
    /** Tags code → parsed tags, or {@code null} for a value that is not a tags object (index 0: no tags). */
    final List<Map<String, String>> parsedTags = new ArrayList<>(List.of(Map.of()));
    /** Why each invalid Tags code failed to parse, for the reject message. */
    private final Map<Integer, String> tagErrors = new java.util.HashMap<>();

    final DurationCodes durations = new DurationCodes();
    IntTupleDictionary attributeSets;
    final int[] scratch;
    private final double[] rowMetrics = new double[TableSchema.METRICS.length];
    /** Which fields describe the row (hashed into its signature). */
    private final boolean[] descriptive;
    /**
     * Whether rows carry value ids (see {@link FocusRow#hasValueIds}): then each attribute maps a row's value id
     * straight to its code ({@link #codeOfId}) and no row signature is needed.
     */
    private boolean byIds;
    /** Per attribute index, value id → dictionary code (0: not seen yet). */
    private final int[][] codeOfId;
    /** Made at the first record, when the kind of row (adjacent CSV fields or typed values) is known. */
    private RowSignatures signatures;

    /**
     * Per attribute index, whether the column is kept per row (its values in {@link #rowValues}) instead of in the
     * attribute set: a column whose values hardly repeat (a line-item id) would make every row a set of its own.
     */
    final boolean[] rowLevel;
    /**
     * Per row-level attribute, each row's value bytes (no dictionary lookup per row); {@code null} for set
     * attributes.
     */
    RowLevelColumn[] rowValues;
    /** The row count at which the sink next checks whether attribute sets still compress. */
    int nextCheck = FIRST_CHECK;

    int rows;
    int[] attributeSetOf = new int[1 << 10];
    long[] startSeconds = new long[1 << 10];
    double[][] metrics = new double[TableSchema.METRICS.length][1 << 10];

    /** What the stretches of this sink's read learned about row-level columns. */
    private final RowLevelHint hint;

    /** Builds this stretch from column batches; {@code null} once released. */
    private StretchFromColumns columns = new StretchFromColumns(this);

    TableSink(FocusHeader header) {
        this(header, new RowLevelHint());
    }

    /** A stretch of a read whose stretches share what they learn about row-level columns. */
    TableSink(FocusHeader header, RowLevelHint hint) {
        this.header = header;
        this.hint = hint;
        attributeFields = new int[TableSchema.FIXED_WIDTH - 1];
        for (int i = 0; i < STRINGS; i++) {
            attributeFields[i] = header.field(TableSchema.STRING_COLUMNS[i]);
        }
        for (int i = 0; i < DECIMALS; i++) {
            attributeFields[STRINGS + i] = header.field(TableSchema.DECIMAL_ATTRIBUTES[i]);
        }
        for (int i = 0; i < TIMES; i++) {
            attributeFields[STRINGS + DECIMALS + i] = header.field(TableSchema.TIME_ATTRIBUTES[i]);
        }
        extraFields = header.extraFields();
        for (int f : extraFields) {
            extraNames.add(header.names().get(f));
        }
        metricFields = new int[TableSchema.METRICS.length];
        for (int m = 0; m < metricFields.length; m++) {
            metricFields[m] = header.field(TableSchema.METRICS[m].column());
        }
        startField = header.field(FocusColumn.CHARGE_PERIOD_START);
        endField = header.field(FocusColumn.CHARGE_PERIOD_END);
        dictionaries = new ByteDictionary[attributeFields.length + extraFields.length];
        for (int i = 0; i < dictionaries.length; i++) {
            dictionaries[i] = new ByteDictionary();
        }
        Arrays.setAll(unparsable, i -> new BitSet());
        attributeSets = new IntTupleDictionary(TableSchema.FIXED_WIDTH + extraFields.length);
        scratch = new int[TableSchema.FIXED_WIDTH + extraFields.length];
        rowLevel = new boolean[TableSchema.FIXED_WIDTH + extraFields.length];
        rowValues = new RowLevelColumn[rowLevel.length];
        codeOfId = new int[rowLevel.length][];
        // Every field but the amounts and the charge period describes the row.
        descriptive = new boolean[header.size()];
        java.util.Arrays.fill(descriptive, true);
        for (int field : metricFields) {
            if (field >= 0) {
                descriptive[field] = false;
            }
        }
        for (int field : new int[] {startField, endField}) {
            if (field >= 0) {
                descriptive[field] = false;
            }
        }
        for (int i = 0; i < rowLevel.length; i++) {
            if (mayBeRowLevel(i) && fieldOf(i) >= 0 && hint.rowLevel(attributeName(i))) {
                rowLevel[i] = true;
                rowValues[i] = new RowLevelColumn(1 << 10);
                descriptive[fieldOf(i)] = false;
            }
        }
    }

    /** The column name of a string attribute (a FOCUS column or an extra one). */
    private String attributeName(int attribute) {
        return attribute < STRINGS
                ? TableSchema.STRING_COLUMNS[attribute].columnName()
                : extraNames.get(attribute - TableSchema.FIXED_WIDTH);
    }

    @Override
    public boolean accept(FocusRow row) {
        long start = Long.MIN_VALUE;
        long end = Long.MIN_VALUE;
        if (row.periodChecked()) {
            // The reader's validator parsed and checked the charge period already: no second parse per row.
            start = row.checkedPeriodStart();
            end = row.checkedPeriodEnd();
        } else {
            if (!row.isNull(startField)) {
                start = row.timestamp(startField);
                if (start == TimestampParser.INVALID) {
                    return row.rejectTimestamp(startField);
                }
                if (start < FIRST_START || start >= END_OF_STARTS) {
                    return row.reject(
                            FocusColumn.CHARGE_PERIOD_START.columnName(),
                            "'" + row.snippet(startField)
                                    + "' is outside the years 2000 to 2067 that billing data covers");
                }
            }
            if (!row.isNull(endField)) {
                end = row.timestamp(endField);
                if (end == TimestampParser.INVALID) {
                    return row.rejectTimestamp(endField);
                }
                if (start != Long.MIN_VALUE && end < start) {
                    return row.reject(
                            FocusColumn.CHARGE_PERIOD_END.columnName(), "ChargePeriodEnd is before ChargePeriodStart");
                }
            }
        }
        int duration = start != Long.MIN_VALUE && end != Long.MIN_VALUE ? durations.code(end - start) : 0;
        for (int m = 0; m < metricFields.length; m++) {
            int field = metricFields[m];
            double value = Double.NaN;
            if (!row.isNull(field)) {
                value = row.decimal(field);
                if (Double.isNaN(value)) {
                    return row.rejectNumber(field);
                }
            }
            rowMetrics[m] = value;
        }
        if (rows == 0) {
            byIds = row.hasValueIds();
        }
        int set;
        if (byIds) {
            set = encodeAttributes(row, duration);
            if (set < 0) {
                return false;
            }
        } else {
            if (signatures == null) {
                signatures = new RowSignatures(descriptive, row.fieldsAdjacent());
            }
            long signature = signatures.hash(row, duration);
            set = signatures.find(signature, row, duration);
            if (set < 0) {
                RowSignatures.Captured raw = signatures.capture(row);
                set = encodeAttributes(row, duration);
                if (set < 0) {
                    return false;
                }
                signatures.remember(signature, raw, duration, set);
            }
        }
        if (rows == attributeSetOf.length) {
            grow();
        }
        for (int i = 0; i < rowLevel.length; i++) {
            if (rowLevel[i]) {
                int field = fieldOf(i);
                if (row.isNull(field)) {
                    rowValues[i].appendNull();
                } else {
                    int from = row.start(field);
                    int to = row.end(field);
                    rowValues[i].append(row.buffer(), from, to); // the buffer after start and end: they may grow it
                }
            }
        }
        for (int m = 0; m < rowMetrics.length; m++) {
            metrics[m][rows] = rowMetrics[m];
        }
        attributeSetOf[rows] = set;
        startSeconds[rows] = start;
        rows++;
        if (rows == nextCheck) {
            nextCheck = rows > Integer.MAX_VALUE / CHECK_FACTOR ? Integer.MAX_VALUE : rows * CHECK_FACTOR;
            keepUniqueColumnsPerRow();
        }
        return true;
    }

    /** Takes a batch whose columns come as {@link StretchFromColumns} reads them. */
    @Override
    public boolean acceptsColumns(ColumnBatch batch) {
        return columns.accepts(batch);
    }

    /** {@link #accept} for every row of a batch the reader found valid, column at a time. */
    @Override
    public boolean acceptColumns(ColumnBatch batch) {
        return columns.add(batch);
    }

    /** Whether an attribute may be kept per row: string columns but Tags (queries read tags per set). */
    static boolean mayBeRowLevel(int attribute) {
        return attribute < STRINGS ? attribute != TAGS : attribute >= TableSchema.FIXED_WIDTH;
    }

    /** The field of an attribute index (any but the duration). */
    int fieldOf(int attribute) {
        return attribute < TableSchema.DURATION
                ? attributeFields[attribute]
                : extraFields[attribute - TableSchema.FIXED_WIDTH];
    }

    /** The dictionary of an attribute index (any but the duration). */
    static int dictionaryOf(int attribute) {
        return attribute < TableSchema.DURATION ? attribute : attribute - 1;
    }

    /**
     * When attribute sets stop compressing rows, moves the string columns whose values hardly repeat out of the sets
     * and keeps them per row: the rows so far get their codes from their sets, the sets are re-encoded without those
     * columns, and the row signatures start afresh.
     */
    void keepUniqueColumnsPerRow() {
        if ((long) attributeSets.size() * SETS_RATIO <= rows) {
            return;
        }
        boolean[] move = new boolean[rowLevel.length];
        boolean any = false;
        for (int i = 0; i < rowLevel.length; i++) {
            if (mayBeRowLevel(i)
                    && !rowLevel[i]
                    && (long) dictionaries[dictionaryOf(i)].size() * ROW_LEVEL_RATIO > rows) {
                move[i] = true;
                any = true;
            }
        }
        if (!any) {
            return;
        }
        for (int i = 0; i < move.length; i++) {
            if (move[i]) {
                ByteDictionary dictionary = dictionaries[dictionaryOf(i)];
                RowLevelColumn values = new RowLevelColumn(attributeSetOf.length);
                for (int r = 0; r < rows; r++) {
                    values.append(dictionary, attributeSets.get(attributeSetOf[r], i));
                }
                rowValues[i] = values;
                rowLevel[i] = true;
                hint.movedToRows(attributeName(i));
                // From now on the rows carry the values: the dictionary and the id map are needed no more.
                dictionaries[dictionaryOf(i)] = new ByteDictionary();
                codeOfId[i] = null;
            }
        }
        IntTupleDictionary narrower = new IntTupleDictionary(scratch.length);
        int[] setMap = new int[attributeSets.size()];
        for (int set = 0; set < setMap.length; set++) {
            for (int i = 0; i < scratch.length; i++) {
                scratch[i] = rowLevel[i] ? 0 : attributeSets.get(set, i);
            }
            setMap[set] = narrower.code(scratch);
        }
        for (int r = 0; r < rows; r++) {
            attributeSetOf[r] = setMap[attributeSetOf[r]];
        }
        attributeSets = narrower;
        for (int i = 0; i < rowLevel.length; i++) {
            if (rowLevel[i]) {
                descriptive[fieldOf(i)] = false;
            }
        }
        signatures = null;
    }

    /**
     * Dictionary-encodes a row's descriptive columns; its attribute set, or -1 after rejecting the row. With value ids
     * (a typed source's dictionary indexes) a value seen before costs an array lookup, not a hash of its bytes.
     */
    private int encodeAttributes(FocusRow row, int duration) {
        for (int i = 0; i < attributeFields.length; i++) {
            int field = attributeFields[i];
            if (rowLevel[i] || row.isNull(field)) {
                scratch[i] = 0;
                continue;
            }
            int code = code(i, i, row, field);
            if (!valid(i, code)) {
                rejectAttribute(i, code, row, field);
                return -1;
            }
            scratch[i] = code;
        }
        for (int e = 0; e < extraFields.length; e++) {
            int field = extraFields[e];
            int attribute = TableSchema.FIXED_WIDTH + e;
            scratch[attribute] = rowLevel[attribute] || row.isNull(field)
                    ? 0
                    : code(attribute, attributeFields.length + e, row, field);
        }
        scratch[TableSchema.DURATION] = duration;
        return attributeSets.code(scratch);
    }

    /**
     * The dictionary code of a field's value (not null), parsing a new decimal, time or Tags value once; by the
     * row's value id when it has one.
     */
    private int code(int attribute, int dictionaryIndex, FocusRow row, int field) {
        int id = byIds ? row.valueId(field) : -1;
        int[] known = null;
        if (id >= 0) {
            known = codeOfId[attribute];
            if (known == null || id >= known.length) {
                known = Arrays.copyOf(
                        known == null ? new int[0] : known, Math.max(id + 1, known == null ? 64 : known.length * 2));
                codeOfId[attribute] = known;
            }
            if (known[id] != 0) {
                return known[id];
            }
        }
        ByteDictionary dictionary = dictionaries[dictionaryIndex];
        int size = dictionary.size();
        int code = dictionary.code(row.buffer(), row.start(field), row.end(field));
        if (code > size && attribute < TableSchema.DURATION) {
            parseNewValue(attribute, code, row, field);
        }
        if (known != null) {
            known[id] = code;
        }
        return code;
    }

    private void parseNewValue(int attribute, int code, FocusRow row, int field) {
        if (attribute == TAGS) {
            parseNewTags(code, row.string(field));
        } else if (attribute >= STRINGS && !parses(attribute, row, field)) {
            unparsable[attribute - STRINGS].set(code);
        }
    }

    /** Parses the value of a new Tags code (the next one) into {@link #parsedTags}. */
    void parseNewTags(int code, String value) {
        Map<String, String> tags;
        try {
            tags = TagsParser.parse(value);
        } catch (IllegalArgumentException e) {
            tags = null;
            tagErrors.put(code, e.getMessage());
        }
        parsedTags.add(tags);
    }

    /** Whether a decimal or time attribute's value parses as its type. */
    private static boolean parses(int attribute, FocusRow row, int field) {
        return attribute < STRINGS + DECIMALS
                ? !Double.isNaN(row.decimal(field))
                : row.timestamp(field) != TimestampParser.INVALID;
    }

    private boolean valid(int attribute, int code) {
        if (attribute < STRINGS) {
            return attribute != TAGS || parsedTags.get(code) != null;
        }
        return !unparsable[attribute - STRINGS].get(code);
    }

    private boolean rejectAttribute(int attribute, int code, FocusRow row, int field) {
        if (attribute == TAGS) {
            return row.reject(FocusColumn.TAGS.columnName(), tagErrors.get(code));
        }
        if (attribute < STRINGS + DECIMALS) {
            return row.rejectNumber(field);
        }
        return row.rejectTimestamp(field);
    }

    private void grow() {
        resize(attributeSetOf.length * 2);
    }

    void resize(int size) {
        attributeSetOf = Arrays.copyOf(attributeSetOf, size);
        startSeconds = Arrays.copyOf(startSeconds, size);
        for (int m = 0; m < metrics.length; m++) {
            metrics[m] = Arrays.copyOf(metrics[m], size);
        }
    }

    /** Drops the stretch's per-row arrays once the table holds them, so that assembling does not hold both. */
    void release() {
        attributeSetOf = null;
        startSeconds = null;
        metrics = null;
        rowValues = null;
        java.util.Arrays.fill(dictionaries, null);
        attributeSets = null;
        signatures = null;
        Arrays.fill(codeOfId, null);
        columns = null; // and the arrays it reuses
    }

    /** Small int codes for charge period lengths in seconds (0 = unknown). */
    static final class DurationCodes {
        private long[] values = new long[8];
        private int size;

        int code(long seconds) {
            for (int i = 1; i <= size; i++) {
                if (values[i] == seconds) {
                    return i;
                }
            }
            if (++size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size] = seconds;
            return size;
        }

        long value(int code) {
            return values[code];
        }

        int size() {
            return size;
        }
    }
}
