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
    private static final int TAGS = TableSchema.stringIndex(FocusColumn.TAGS);
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
    private final int[] extraFields;
    private final int[] attributeFields;
    private final int[] metricFields;
    private final int startField;
    private final int endField;

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
    private final int[] scratch;
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
    private int nextCheck = FIRST_CHECK;

    int rows;
    int[] attributeSetOf = new int[1 << 10];
    long[] startSeconds = new long[1 << 10];
    double[][] metrics = new double[TableSchema.METRICS.length][1 << 10];

    /** What the stretches of this sink's read learned about row-level columns. */
    private final RowLevelHint hint;

    /** Arrays {@link #acceptColumns} reuses from batch to batch. */
    private BatchArrays scratchArrays = new BatchArrays();

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

    /**
     * Takes a batch whose columns come as {@link #acceptColumns} reads them: the attributes as texts, the amounts as
     * numbers, the charge period as timestamps (each may be absent).
     */
    @Override
    public boolean acceptsColumns(ColumnBatch batch) {
        for (int field : attributeFields) {
            if (!kindIs(batch, field, ColumnBatch.Kind.TEXT)) {
                return false;
            }
        }
        for (int field : extraFields) {
            if (!kindIs(batch, field, ColumnBatch.Kind.TEXT)) {
                return false;
            }
        }
        for (int field : metricFields) {
            if (!kindIs(batch, field, ColumnBatch.Kind.NUMBER)) {
                return false;
            }
        }
        return kindIs(batch, startField, ColumnBatch.Kind.TIME) && kindIs(batch, endField, ColumnBatch.Kind.TIME);
    }

    /** Whether a field of a batch holds this kind of value, or none (absent). */
    private static boolean kindIs(ColumnBatch batch, int field, ColumnBatch.Kind kind) {
        ColumnBatch.Kind actual = batch.kind(field);
        return actual == kind || actual == ColumnBatch.Kind.ABSENT;
    }

    /**
     * {@link #accept} for every row of a batch the reader found valid, column at a time, building exactly the stretch
     * row by row builds: the charge periods and amounts copied as arrays; per attribute column each value id coded
     * once, in row order (so every dictionary numbers its values as row by row does; Tags parsed once per new
     * value); per row its attribute set from those codes and its row-level values from the batch's bytes. Rows go in
     * runs that end where row by row checks how well the sets compress, so that a dictionary holds at each check
     * what it would hold row by row, and columns move to rows where they would. Declines (changing nothing) a batch
     * whose columns come in another kind.
     */
    @Override
    public boolean acceptColumns(ColumnBatch batch) {
        if (!acceptsColumns(batch)) {
            return false;
        }
        int count = batch.rows();
        if (attributeSetOf.length < rows + count) {
            resize(rows + count); // once, not by doubling: a row group's size is known
        }
        int[] durationOf = scratchArrays.durations(count);
        copyPeriods(batch, count, durationOf);
        copyMetrics(batch, count);
        int[][] codeById = scratchArrays.codesById(rowLevel.length);
        for (int from = 0; from < count; ) {
            int to = (int) Math.min(count, (long) from + nextCheck - rows);
            addRun(batch, from, to, codeById, durationOf);
            if (rows == nextCheck) {
                nextCheck = rows > Integer.MAX_VALUE / CHECK_FACTOR ? Integer.MAX_VALUE : rows * CHECK_FACTOR;
                keepUniqueColumnsPerRow();
            }
            from = to;
        }
        return true;
    }

    /**
     * Adds batch rows {@code [from, to)}, with no check of the sets in between. A column with one code in every row of
     * the run is set once; the rows are told apart by the others (and the duration) in a dictionary of the run whose
     * tuples are that narrow, and each new narrow tuple's full set is looked up once, when it first appears, so that
     * the stretch's sets get the codes row by row gives them.
     */
    private void addRun(ColumnBatch batch, int from, int to, int[][] codeById, int[] durationOf) {
        int[] inSets = attributesInSets(batch);
        int[] varying = new int[inSets.length];
        int varyingCount = 0;
        Arrays.fill(scratch, 0); // absent columns and those kept per row are 0 in every set
        for (int attribute : inSets) {
            if (codeById[attribute] == null) {
                codeById[attribute] = scratchArrays.codes(attribute, batch.textCount(fieldOf(attribute)));
            }
            int constant = codeColumn(batch, attribute, codeById[attribute], from, to);
            if (constant >= 0) {
                scratch[attribute] = constant;
            } else {
                varying[varyingCount++] = attribute;
            }
        }
        int[][] ids = new int[varyingCount][];
        boolean[][] nulls = new boolean[varyingCount][];
        int[][] codes = new int[varyingCount][];
        for (int k = 0; k < varyingCount; k++) {
            int field = fieldOf(varying[k]);
            ids[k] = batch.ids(field);
            nulls[k] = batch.nulls(field);
            codes[k] = codeById[varying[k]];
        }
        int[] perRow = attributesPerRow();
        for (int attribute : perRow) {
            reserveRowValues(batch, attribute, from, to);
        }
        // The varying column with the most values keys the rows (by value id; a null is one more id). A column (or
        // the duration) with one code per key value in this run adds nothing to tell rows apart: only the key and the
        // others go into the run's tuples.
        int key = 0;
        for (int k = 1; k < varyingCount; k++) {
            if (batch.textCount(fieldOf(varying[k])) > batch.textCount(fieldOf(varying[key]))) {
                key = k;
            }
        }
        int nullKey = varyingCount == 0 ? 0 : batch.textCount(fieldOf(varying[key]));
        int[] keyIds = varyingCount == 0 ? null : ids[key];
        boolean[] keyNulls = varyingCount == 0 ? null : nulls[key];
        int[] undetermined = new int[varyingCount];
        int undeterminedCount = 0;
        int[] seen = varyingCount == 0 ? new int[1] : scratchArrays.perKey(nullKey + 1);
        for (int k = 0; k < varyingCount; k++) {
            if (k != key
                    && !determinedByKey(keyIds, keyNulls, nullKey, ids[k], nulls[k], codes[k], null, seen, from, to)) {
                undetermined[undeterminedCount++] = k;
            }
        }
        boolean durationInTuple =
                !determinedByKey(keyIds, keyNulls, nullKey, null, null, null, durationOf, seen, from, to);
        IntTupleDictionary runSets = new IntTupleDictionary(undeterminedCount + 2);
        int[] narrow = new int[undeterminedCount + 2];
        int[] setOfRunSet = new int[64];
        for (int r = from; r < to; r++) {
            narrow[0] = keyIds == null || (keyNulls != null && keyNulls[r]) ? nullKey : keyIds[r];
            for (int u = 0; u < undeterminedCount; u++) {
                int k = undetermined[u];
                boolean[] rowNulls = nulls[k];
                // An empty (null) value's id has code 0.
                narrow[u + 1] = rowNulls != null && rowNulls[r] ? 0 : codes[k][ids[k][r]];
            }
            narrow[undeterminedCount + 1] = durationInTuple ? durationOf[r] : 0;
            int known = runSets.size();
            int runSet = runSets.code(narrow);
            if (runSet == known) { // first seen in this run: its set, found or added as row by row would
                if (runSet == setOfRunSet.length) {
                    setOfRunSet = Arrays.copyOf(setOfRunSet, runSet * 2);
                }
                for (int k = 0; k < varyingCount; k++) {
                    boolean[] rowNulls = nulls[k];
                    scratch[varying[k]] = rowNulls != null && rowNulls[r] ? 0 : codes[k][ids[k][r]];
                }
                scratch[TableSchema.DURATION] = durationOf[r];
                setOfRunSet[runSet] = attributeSets.code(scratch);
            }
            for (int attribute : perRow) {
                appendRowValue(batch, attribute, r);
            }
            attributeSetOf[rows++] = setOfRunSet[runSet];
        }
    }

    /**
     * Whether a column's code (or, with {@code values}, a per-row value) is the same in every row of rows
     * {@code [from, to)} that has the same key value id.
     *
     * @param seen room for one entry per key id (the null key included), overwritten
     */
    private static boolean determinedByKey(
            int[] keyIds,
            boolean[] keyNulls,
            int nullKey,
            int[] ids,
            boolean[] nulls,
            int[] codes,
            int[] values,
            int[] seen,
            int from,
            int to) {
        if (keyIds == null) {
            return false; // no key: a per-row value stays in the tuple
        }
        Arrays.fill(seen, 0, nullKey + 1, -1);
        for (int r = from; r < to; r++) {
            int keyId = keyNulls != null && keyNulls[r] ? nullKey : keyIds[r];
            int value = values != null ? values[r] : nulls != null && nulls[r] ? 0 : codes[ids[r]];
            int earlier = seen[keyId];
            if (earlier == -1) {
                seen[keyId] = value;
            } else if (earlier != value) {
                return false;
            }
        }
        return true;
    }

    /** Room in a row-level column for the values of batch rows {@code [from, to)}, so that it grows once. */
    private void reserveRowValues(ColumnBatch batch, int attribute, int from, int to) {
        long bytes = 0;
        if (textField(batch, attribute)) {
            int field = fieldOf(attribute);
            int[] ids = batch.ids(field);
            boolean[] nulls = batch.nulls(field);
            for (int r = from; r < to; r++) {
                if (nulls == null || !nulls[r]) {
                    bytes += batch.textLength(field, ids[r]);
                }
            }
        }
        rowValues[attribute].reserve(to - from, bytes);
    }

    /** The attributes a batch's rows code into their sets: present as text, not kept per row. */
    private int[] attributesInSets(ColumnBatch batch) {
        int[] attributes = new int[rowLevel.length];
        int n = 0;
        for (int i = 0; i < rowLevel.length; i++) {
            if (i != TableSchema.DURATION && !rowLevel[i] && textField(batch, i)) {
                attributes[n++] = i;
            }
        }
        return Arrays.copyOf(attributes, n);
    }

    /** The attributes kept per row. */
    private int[] attributesPerRow() {
        int[] attributes = new int[rowLevel.length];
        int n = 0;
        for (int i = 0; i < rowLevel.length; i++) {
            if (rowLevel[i]) {
                attributes[n++] = i;
            }
        }
        return Arrays.copyOf(attributes, n);
    }

    /** Whether an attribute (not the duration) comes as text in the batch (else it is absent: null in every row). */
    private boolean textField(ColumnBatch batch, int attribute) {
        return batch.kind(fieldOf(attribute)) == ColumnBatch.Kind.TEXT;
    }

    /** Appends a batch row's value of a row-level attribute, as {@link #accept} appends a row's. */
    private void appendRowValue(ColumnBatch batch, int attribute, int row) {
        int field = fieldOf(attribute);
        if (!textField(batch, attribute)) {
            rowValues[attribute].appendNull();
            return;
        }
        boolean[] nulls = batch.nulls(field);
        int id = batch.ids(field)[row];
        int length = nulls != null && nulls[row] ? 0 : batch.textLength(field, id);
        if (length == 0) {
            rowValues[attribute].appendNull(); // an empty text is null, as row by row
        } else {
            int from = batch.textStart(field, id);
            rowValues[attribute].append(batch.text(field), from, from + length);
        }
    }

    /** The charge period starts of a batch's rows into the stretch, and each row's duration code. */
    private void copyPeriods(ColumnBatch batch, int count, int[] durationOf) {
        boolean hasStart = batch.kind(startField) == ColumnBatch.Kind.TIME;
        boolean hasEnd = batch.kind(endField) == ColumnBatch.Kind.TIME;
        long[] starts = hasStart ? batch.times(startField) : null;
        long[] ends = hasEnd ? batch.times(endField) : null;
        boolean[] startNulls = hasStart ? batch.nulls(startField) : null;
        boolean[] endNulls = hasEnd ? batch.nulls(endField) : null;
        long lastLength = Long.MIN_VALUE;
        int lastCode = 0;
        for (int r = 0; r < count; r++) {
            long start = !hasStart || (startNulls != null && startNulls[r]) ? Long.MIN_VALUE : starts[r];
            int duration = 0;
            if (start != Long.MIN_VALUE && hasEnd && !(endNulls != null && endNulls[r])) {
                long length = ends[r] - start;
                if (length != lastLength) { // periods repeat row after row: look the code up on a change only
                    lastCode = durations.code(length);
                    lastLength = length;
                }
                duration = lastCode;
            }
            durationOf[r] = duration;
            startSeconds[rows + r] = start;
        }
    }

    /** The amounts of a batch's rows into the stretch (NaN for null). */
    private void copyMetrics(ColumnBatch batch, int count) {
        for (int m = 0; m < metricFields.length; m++) {
            int field = metricFields[m];
            double[] target = metrics[m];
            if (batch.kind(field) != ColumnBatch.Kind.NUMBER) {
                Arrays.fill(target, rows, rows + count, Double.NaN);
                continue;
            }
            boolean[] nulls = batch.nulls(field);
            System.arraycopy(batch.numbers(field), 0, target, rows, count);
            if (nulls != null) {
                for (int r = 0; r < count; r++) {
                    if (nulls[r]) {
                        target[rows + r] = Double.NaN;
                    }
                }
            }
        }
    }

    /**
     * Codes the values of a text attribute that batch rows {@code [from, to)} use, in row order (as row by row codes
     * them), each value id once, into {@code codes} (value id → code; 0: not yet coded, or empty, which is null);
     * parses each new Tags value.
     *
     * @return the code every one of those rows has (0: null in all), or -1 when they differ
     */
    private int codeColumn(ColumnBatch batch, int attribute, int[] codes, int from, int to) {
        int field = fieldOf(attribute);
        ByteDictionary dictionary = dictionaries[dictionaryOf(attribute)];
        int[] ids = batch.ids(field);
        boolean[] nulls = batch.nulls(field);
        if (nulls == null && batch.textCount(field) == 1) {
            // One value and no null flag (a constant column): every row has id 0.
            return codeOf(batch, attribute, dictionary, codes, 0);
        }
        // Once every value of the batch has its code and two rows differ, the rest of the run can change nothing.
        int uncoded = 0;
        for (int id = 0; id < batch.textCount(field); id++) {
            if (codes[id] == 0 && batch.textLength(field, id) > 0) {
                uncoded++;
            }
        }
        int first = -1;
        boolean varies = false;
        for (int r = from; r < to; r++) {
            int code = 0;
            if (nulls == null || !nulls[r]) {
                int id = ids[r];
                code = codes[id];
                if (code == 0) {
                    code = codeOf(batch, attribute, dictionary, codes, id);
                    if (code != 0) {
                        uncoded--;
                    }
                }
            }
            if (r == from) {
                first = code;
            } else if (code != first) {
                varies = true;
            }
            if (varies && uncoded == 0) {
                break;
            }
        }
        return varies ? -1 : first;
    }

    /** The code of a value id not coded yet (0 for an empty value: null), parsing a new Tags value. */
    private int codeOf(ColumnBatch batch, int attribute, ByteDictionary dictionary, int[] codes, int id) {
        int field = fieldOf(attribute);
        int length = batch.textLength(field, id);
        if (length == 0) {
            return 0;
        }
        int start = batch.textStart(field, id);
        int size = dictionary.size();
        int code = dictionary.code(batch.text(field), start, start + length);
        if (code > size && attribute == TAGS) {
            parseNewTags(code, batch.string(field, id));
        }
        codes[id] = code;
        return code;
    }

    /** Whether an attribute may be kept per row: string columns but Tags (queries read tags per set). */
    static boolean mayBeRowLevel(int attribute) {
        return attribute < STRINGS ? attribute != TAGS : attribute >= TableSchema.FIXED_WIDTH;
    }

    /** The field of an attribute index (any but the duration). */
    private int fieldOf(int attribute) {
        return attribute < TableSchema.DURATION
                ? attributeFields[attribute]
                : extraFields[attribute - TableSchema.FIXED_WIDTH];
    }

    /** The dictionary of an attribute index (any but the duration). */
    private static int dictionaryOf(int attribute) {
        return attribute < TableSchema.DURATION ? attribute : attribute - 1;
    }

    /**
     * When attribute sets stop compressing rows, moves the string columns whose values hardly repeat out of the sets
     * and keeps them per row: the rows so far get their codes from their sets, the sets are re-encoded without those
     * columns, and the row signatures start afresh.
     */
    private void keepUniqueColumnsPerRow() {
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
    private void parseNewTags(int code, String value) {
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

    private void resize(int size) {
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
        scratchArrays = null;
    }

    /** The per-batch arrays of {@link #acceptColumns}, grown as needed and reused. */
    private static final class BatchArrays {
        private int[] durations = new int[0];
        private int[][] codesById = new int[0][];
        private int[][] codes = new int[0][];

        private int[] perKey = new int[0];

        /** Room for an entry per key value id. */
        int[] perKey(int ids) {
            if (perKey.length < ids) {
                perKey = new int[ids];
            }
            return perKey;
        }

        /** Room for a duration code per row. */
        int[] durations(int rows) {
            if (durations.length < rows) {
                durations = new int[rows];
            }
            return durations;
        }

        /** Per attribute, value id → code: every entry {@code null} until {@link #codes} fills it. */
        int[][] codesById(int width) {
            if (codesById.length < width) {
                codesById = new int[width][];
            }
            Arrays.fill(codesById, null);
            return codesById;
        }

        /** An attribute's value id → code array for {@code ids} ids, all 0. */
        int[] codes(int attribute, int ids) {
            if (codes.length <= attribute) {
                codes = Arrays.copyOf(codes, attribute + 1);
            }
            int[] known = codes[attribute];
            if (known == null || known.length < ids) {
                known = new int[Math.max(ids, 16)];
                codes[attribute] = known;
            } else {
                Arrays.fill(known, 0, ids, 0);
            }
            return known;
        }
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
