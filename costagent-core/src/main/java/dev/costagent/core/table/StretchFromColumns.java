package dev.costagent.core.table;

import dev.costagent.core.focus.ColumnBatch;
import java.util.Arrays;

/**
 * Adds a {@link ColumnBatch}'s rows (a Parquet row group the reader found valid) to a {@link TableSink}'s stretch
 * column at a time, building exactly the stretch that {@link TableSink#accept} row by row builds; the row path stays
 * the sink's. Holds no table state of its own, only arrays it reuses from batch to batch.
 */
final class StretchFromColumns {

    private final TableSink sink;
    /** Arrays reused from batch to batch. */
    private final BatchArrays scratchArrays = new BatchArrays();

    StretchFromColumns(TableSink sink) {
        this.sink = sink;
    }

    /**
     * Takes a batch whose columns come as {@link #add} reads them: the attributes as texts, the amounts as
     * numbers, the charge period as timestamps (each may be absent).
     */
    boolean accepts(ColumnBatch batch) {
        for (int field : sink.attributeFields) {
            if (!kindIs(batch, field, ColumnBatch.Kind.TEXT)) {
                return false;
            }
        }
        for (int field : sink.extraFields) {
            if (!kindIs(batch, field, ColumnBatch.Kind.TEXT)) {
                return false;
            }
        }
        for (int field : sink.metricFields) {
            if (!kindIs(batch, field, ColumnBatch.Kind.NUMBER)) {
                return false;
            }
        }
        return kindIs(batch, sink.startField, ColumnBatch.Kind.TIME)
                && kindIs(batch, sink.endField, ColumnBatch.Kind.TIME);
    }

    /** Whether a field of a batch holds this kind of value, or none (absent). */
    private static boolean kindIs(ColumnBatch batch, int field, ColumnBatch.Kind kind) {
        ColumnBatch.Kind actual = batch.kind(field);
        return actual == kind || actual == ColumnBatch.Kind.ABSENT;
    }

    /**
     * {@link TableSink#accept} for every row of a batch the reader found valid, column at a time, building exactly
     * the stretch row by row builds: the charge periods and amounts copied as arrays; per attribute column each
     * value id coded once, in row order (so every dictionary numbers its values as row by row does; Tags parsed once
     * per new value); per row its attribute set from those codes and its row-level values from the batch's bytes.
     * Rows go in runs that end where row by row checks how well the sets compress, so that a dictionary holds at
     * each check what it would hold row by row, and columns move to rows where they would. Declines (changing
     * nothing) a batch whose columns come in another kind.
     */
    boolean add(ColumnBatch batch) {
        if (!accepts(batch)) {
            return false;
        }
        int count = batch.rows();
        if (sink.attributeSetOf.length < sink.rows + count) {
            sink.resize(sink.rows + count); // once, not by doubling: a row group's size is known
        }
        int[] durationOf = scratchArrays.durations(count);
        copyPeriods(batch, count, durationOf);
        copyMetrics(batch, count);
        int[][] codeById = scratchArrays.codesById(sink.rowLevel.length);
        for (int from = 0; from < count; ) {
            int to = (int) Math.min(count, (long) from + sink.nextCheck - sink.rows);
            addRun(batch, from, to, codeById, durationOf);
            if (sink.rows == sink.nextCheck) {
                sink.nextCheck = sink.rows > Integer.MAX_VALUE / TableSink.CHECK_FACTOR
                        ? Integer.MAX_VALUE
                        : sink.rows * TableSink.CHECK_FACTOR;
                sink.keepUniqueColumnsPerRow();
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
        Arrays.fill(sink.scratch, 0); // absent columns and those kept per row are 0 in every set
        for (int attribute : inSets) {
            if (codeById[attribute] == null) {
                codeById[attribute] = scratchArrays.codes(attribute, batch.textCount(sink.fieldOf(attribute)));
            }
            int constant = codeColumn(batch, attribute, codeById[attribute], from, to);
            if (constant >= 0) {
                sink.scratch[attribute] = constant;
            } else {
                varying[varyingCount++] = attribute;
            }
        }
        int[][] ids = new int[varyingCount][];
        boolean[][] nulls = new boolean[varyingCount][];
        int[][] codes = new int[varyingCount][];
        for (int k = 0; k < varyingCount; k++) {
            int field = sink.fieldOf(varying[k]);
            ids[k] = batch.ids(field);
            nulls[k] = batch.nulls(field);
            codes[k] = codeById[varying[k]];
        }
        int[] perRow = attributesPerRow();
        for (int attribute : perRow) {
            reserveRowValues(batch, attribute, from, to);
        }
        // The varying column with the most values keys the rows (by value id; a null is one more id). A column (or
        // the duration) with one code per key value in this run adds nothing to tell rows apart: only the key and
        // the
        // others go into the run's tuples.
        int key = 0;
        for (int k = 1; k < varyingCount; k++) {
            if (batch.textCount(sink.fieldOf(varying[k])) > batch.textCount(sink.fieldOf(varying[key]))) {
                key = k;
            }
        }
        int nullKey = varyingCount == 0 ? 0 : batch.textCount(sink.fieldOf(varying[key]));
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
        int[] setOf = sink.attributeSetOf; // sized for the batch before the first run
        int row = sink.rows;
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
                    sink.scratch[varying[k]] = rowNulls != null && rowNulls[r] ? 0 : codes[k][ids[k][r]];
                }
                sink.scratch[TableSchema.DURATION] = durationOf[r];
                setOfRunSet[runSet] = sink.attributeSets.code(sink.scratch);
            }
            for (int attribute : perRow) {
                appendRowValue(batch, attribute, r);
            }
            setOf[row++] = setOfRunSet[runSet];
        }
        sink.rows = row;
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
            int field = sink.fieldOf(attribute);
            int[] ids = batch.ids(field);
            boolean[] nulls = batch.nulls(field);
            for (int r = from; r < to; r++) {
                if (nulls == null || !nulls[r]) {
                    bytes += batch.textLength(field, ids[r]);
                }
            }
        }
        sink.rowValues[attribute].reserve(to - from, bytes);
    }

    /** The attributes a batch's rows code into their sets: present as text, not kept per row. */
    private int[] attributesInSets(ColumnBatch batch) {
        int[] attributes = new int[sink.rowLevel.length];
        int n = 0;
        for (int i = 0; i < sink.rowLevel.length; i++) {
            if (i != TableSchema.DURATION && !sink.rowLevel[i] && textField(batch, i)) {
                attributes[n++] = i;
            }
        }
        return Arrays.copyOf(attributes, n);
    }

    /** The attributes kept per row. */
    private int[] attributesPerRow() {
        int[] attributes = new int[sink.rowLevel.length];
        int n = 0;
        for (int i = 0; i < sink.rowLevel.length; i++) {
            if (sink.rowLevel[i]) {
                attributes[n++] = i;
            }
        }
        return Arrays.copyOf(attributes, n);
    }

    /** Whether an attribute (not the duration) comes as text in the batch (else it is absent: null in every row). */
    private boolean textField(ColumnBatch batch, int attribute) {
        return batch.kind(sink.fieldOf(attribute)) == ColumnBatch.Kind.TEXT;
    }

    /** Appends a batch row's value of a row-level attribute, as {@link TableSink#accept} appends a row's. */
    private void appendRowValue(ColumnBatch batch, int attribute, int row) {
        int field = sink.fieldOf(attribute);
        if (!textField(batch, attribute)) {
            sink.rowValues[attribute].appendNull();
            return;
        }
        boolean[] nulls = batch.nulls(field);
        int id = batch.ids(field)[row];
        int length = nulls != null && nulls[row] ? 0 : batch.textLength(field, id);
        if (length == 0) {
            sink.rowValues[attribute].appendNull(); // an empty text is null, as row by row
        } else {
            int from = batch.textStart(field, id);
            sink.rowValues[attribute].append(batch.text(field), from, from + length);
        }
    }

    /** The charge period starts of a batch's rows into the stretch, and each row's duration code. */
    private void copyPeriods(ColumnBatch batch, int count, int[] durationOf) {
        boolean hasStart = batch.kind(sink.startField) == ColumnBatch.Kind.TIME;
        boolean hasEnd = batch.kind(sink.endField) == ColumnBatch.Kind.TIME;
        long[] starts = hasStart ? batch.times(sink.startField) : null;
        long[] ends = hasEnd ? batch.times(sink.endField) : null;
        boolean[] startNulls = hasStart ? batch.nulls(sink.startField) : null;
        boolean[] endNulls = hasEnd ? batch.nulls(sink.endField) : null;
        long lastLength = Long.MIN_VALUE;
        int lastCode = 0;
        long[] startSeconds = sink.startSeconds;
        int first = sink.rows;
        for (int r = 0; r < count; r++) {
            long start = !hasStart || (startNulls != null && startNulls[r]) ? Long.MIN_VALUE : starts[r];
            int duration = 0;
            if (start != Long.MIN_VALUE && hasEnd && !(endNulls != null && endNulls[r])) {
                long length = ends[r] - start;
                if (length != lastLength) { // periods repeat row after row: look the code up on a change only
                    lastCode = sink.durations.code(length);
                    lastLength = length;
                }
                duration = lastCode;
            }
            durationOf[r] = duration;
            startSeconds[first + r] = start;
        }
    }

    /** The amounts of a batch's rows into the stretch (NaN for null). */
    private void copyMetrics(ColumnBatch batch, int count) {
        for (int m = 0; m < sink.metricFields.length; m++) {
            int field = sink.metricFields[m];
            double[] target = sink.metrics[m];
            if (batch.kind(field) != ColumnBatch.Kind.NUMBER) {
                Arrays.fill(target, sink.rows, sink.rows + count, Double.NaN);
                continue;
            }
            boolean[] nulls = batch.nulls(field);
            System.arraycopy(batch.numbers(field), 0, target, sink.rows, count);
            if (nulls != null) {
                for (int r = 0; r < count; r++) {
                    if (nulls[r]) {
                        target[sink.rows + r] = Double.NaN;
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
        int field = sink.fieldOf(attribute);
        ByteDictionary dictionary = sink.dictionaries[TableSink.dictionaryOf(attribute)];
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
        int field = sink.fieldOf(attribute);
        int length = batch.textLength(field, id);
        if (length == 0) {
            return 0;
        }
        int start = batch.textStart(field, id);
        int size = dictionary.size();
        int code = dictionary.code(batch.text(field), start, start + length);
        if (code > size && attribute == TableSink.TAGS) {
            sink.parseNewTags(code, batch.string(field, id));
        }
        codes[id] = code;
        return code;
    }

    /** The per-batch arrays of {@link #add}, grown as needed and reused. */
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
}
