package dev.costagent.core.table;

import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.ReadResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the stretches of a read, in file order, into one {@link CostTable}: each stretch's dictionaries and attribute
 * sets are re-coded into global ones, its rows appended, and the stretch dropped at once, so that a read holds the
 * table and a few stretches in flight, never every stretch's per-set structures at the same time.
 *
 * <p>Columns whose values hardly repeat move out of the attribute sets into a code per row (see {@link Attributes}):
 * when a stretch already moved one, and whenever the table's sets stop compressing its rows (more than one set per
 * {@link TableSink#SETS_RATIO} rows, with a string column holding more than one distinct value per
 * {@link TableSink#ROW_LEVEL_RATIO} rows).
 */
final class TableAssembler {

    private static final int FIXED = TableSchema.FIXED_WIDTH;
    private static final int TAGS = TableSchema.stringIndex(FocusColumn.TAGS);
    private static final int METRICS = TableSchema.METRICS.length;

    private final List<String> extras = new ArrayList<>();
    /** Per attribute index but the duration, the global dictionary (the duration's slot stays {@code null}). */
    private final List<ByteDictionary> dictionaries = new ArrayList<>();

    private final TableSink.DurationCodes durations = new TableSink.DurationCodes();
    private IntTupleDictionary sets = new IntTupleDictionary(FIXED);
    private boolean[] rowLevel = new boolean[FIXED];
    /** Per row-level attribute, every row's value; {@code null} for set attributes. */
    private RowLevelColumn[] rowValues = new RowLevelColumn[FIXED];
    /** Global Tags code → parsed tags. */
    private final List<Map<String, String>> tags = new ArrayList<>(List.of(Map.of()));

    private final Set<FocusColumn> present = EnumSet.noneOf(FocusColumn.class);

    private int rows;
    /**
     * The rows so far, a run per stretch in file order: the table's per-row arrays are made once, at their final
     * size, by {@link #finish}, instead of grown (and copied) stretch after stretch.
     */
    private final List<Rows> runs = new ArrayList<>();

    private long minStart = Long.MAX_VALUE;
    private long maxStart = Long.MIN_VALUE;
    private int nextCheck = TableSink.FIRST_CHECK;

    TableAssembler() {
        for (int i = 0; i < FIXED; i++) {
            dictionaries.add(i == TableSchema.DURATION ? null : new ByteDictionary());
        }
    }

    /** Assembles a read whose stretches are all in the result. */
    static CostTable assemble(ReadResult<TableSink> read) {
        TableAssembler assembler = new TableAssembler();
        read.sinks().forEach(assembler::add);
        return assembler.finish(read);
    }

    /** Folds in the next stretch, in file order, and releases it. */
    void add(TableSink sink) {
        present.addAll(sink.header.knownColumns().keySet());
        int[] global = globalIndexes(sink);
        for (int i = 0; i < global.length; i++) {
            if (sink.rowLevel[i] && !rowLevel[global[i]]) {
                moveToRows(global[i]);
            }
        }
        int[][] codeMaps = new int[global.length][];
        for (int i = 0; i < global.length; i++) {
            // A column kept per row takes its rows' bytes as they are: its values are not looked up one by one.
            if (i != TableSchema.DURATION && !rowLevel[global[i]]) {
                codeMaps[i] = remap(sink.dictionaries[dictionary(i)], dictionaries.get(global[i]));
            }
        }
        int[] tagMap = codeMaps[TAGS];
        for (int local = 1; local < tagMap.length; local++) {
            while (tags.size() <= tagMap[local]) {
                tags.add(null);
            }
            tags.set(tagMap[local], sink.parsedTags.get(local));
        }
        int[] scratch = new int[rowLevel.length];
        int[] setMap = new int[sink.attributeSets.size()];
        for (int s = 0; s < setMap.length; s++) {
            Arrays.fill(scratch, 0);
            for (int i = 0; i < global.length; i++) {
                int local = sink.attributeSets.get(s, i);
                if (i == TableSchema.DURATION) {
                    scratch[i] = local == 0 ? 0 : durations.code(sink.durations.value(local));
                } else if (!rowLevel[global[i]]) {
                    scratch[global[i]] = codeMaps[i][local];
                }
            }
            setMap[s] = sets.code(scratch);
        }
        appendRows(sink, global, codeMaps, setMap);
        sink.release();
        if (rows >= nextCheck) {
            nextCheck = rows > Integer.MAX_VALUE / TableSink.CHECK_FACTOR
                    ? Integer.MAX_VALUE
                    : rows * TableSink.CHECK_FACTOR;
            keepUniqueColumnsPerRow();
        }
    }

    /** The global attribute index of each of a stretch's attributes, adding its new extra columns. */
    private int[] globalIndexes(TableSink sink) {
        int[] global = new int[FIXED + sink.extraNames.size()];
        for (int i = 0; i < global.length; i++) {
            if (i < FIXED) {
                global[i] = i;
                continue;
            }
            String name = sink.extraNames.get(i - FIXED);
            int extra = extras.indexOf(name);
            if (extra < 0) {
                addExtraColumn(name);
                extra = extras.size() - 1;
            }
            global[i] = FIXED + extra;
        }
        return global;
    }

    /** A column the earlier files lacked: every set so far gets a null in it. */
    private void addExtraColumn(String name) {
        extras.add(name);
        dictionaries.add(new ByteDictionary());
        int width = FIXED + extras.size();
        rowLevel = Arrays.copyOf(rowLevel, width);
        rowValues = Arrays.copyOf(rowValues, width);
        IntTupleDictionary wider = new IntTupleDictionary(width);
        int[] tuple = new int[width];
        int[] setMap = new int[sets.size()];
        for (int s = 0; s < setMap.length; s++) {
            for (int i = 0; i < width - 1; i++) {
                tuple[i] = sets.get(s, i);
            }
            setMap[s] = wider.code(tuple);
        }
        resetSets(wider, setMap);
    }

    /**
     * A stretch's rows: its set per row (re-coded to the table's sets in place), charge period start offsets and
     * amounts, until {@link #finish} copies them into the table's arrays.
     */
    private static final class Rows {
        final int count;
        int[] setOf;
        int[] startOffset;
        final double[][] metrics;

        Rows(int count, int[] setOf, int[] startOffset, double[][] metrics) {
            this.count = count;
            this.setOf = setOf;
            this.startOffset = startOffset;
            this.metrics = metrics;
        }
    }

    private void appendRows(TableSink sink, int[] global, int[][] codeMaps, int[] setMap) {
        int count = sink.rows;
        checkRowCount((long) rows + count);
        int[] offsets = new int[count];
        for (int r = 0; r < count; r++) {
            long start = sink.startSeconds[r];
            if (start == Long.MIN_VALUE) {
                offsets[r] = CostTable.NO_TIME;
            } else {
                offsets[r] = (int) (start - TableSink.FIRST_START);
                minStart = Math.min(minStart, start);
                maxStart = Math.max(maxStart, start);
            }
        }
        for (int i = 0; i < global.length; i++) {
            RowLevelColumn values = rowValues[global[i]];
            if (values == null) {
                continue;
            }
            if (sink.rowLevel[i]) {
                values.appendAll(sink.rowValues[i]);
            } else {
                ByteDictionary local = sink.dictionaries[dictionary(i)];
                for (int r = 0; r < count; r++) {
                    values.append(local, sink.attributeSets.get(sink.attributeSetOf[r], i));
                }
            }
        }
        // The stretch's arrays are taken over (trimmed when it grew them past its rows), its sets re-coded in place.
        int[] setOf =
                sink.attributeSetOf.length == count ? sink.attributeSetOf : Arrays.copyOf(sink.attributeSetOf, count);
        for (int r = 0; r < count; r++) {
            setOf[r] = setMap[setOf[r]];
        }
        double[][] metrics = new double[METRICS][];
        for (int m = 0; m < METRICS; m++) {
            double[] values = sink.metrics[m];
            metrics[m] = values.length == count ? values : Arrays.copyOf(values, count);
        }
        runs.add(new Rows(count, setOf, offsets, metrics));
        rows += count;
    }

    /** When the table's sets stop compressing its rows, moves the columns whose values hardly repeat to rows. */
    private void keepUniqueColumnsPerRow() {
        if ((long) sets.size() * TableSink.SETS_RATIO <= rows) {
            return;
        }
        for (int g = 0; g < rowLevel.length; g++) {
            if (TableSink.mayBeRowLevel(g)
                    && !rowLevel[g]
                    && (long) dictionaries.get(g).size() * TableSink.ROW_LEVEL_RATIO > rows) {
                moveToRows(g);
            }
        }
    }

    /** Moves an attribute out of the sets: the rows so far take their codes from their sets. */
    private void moveToRows(int attribute) {
        ByteDictionary dictionary = dictionaries.get(attribute);
        RowLevelColumn values = new RowLevelColumn(rows);
        for (Rows run : runs) {
            for (int r = 0; r < run.count; r++) {
                values.append(dictionary, sets.get(run.setOf[r], attribute));
            }
        }
        rowValues[attribute] = values;
        rowLevel[attribute] = true;
        dictionaries.set(attribute, new ByteDictionary()); // the rows carry the values from now on
        IntTupleDictionary narrower = new IntTupleDictionary(rowLevel.length);
        int[] tuple = new int[rowLevel.length];
        int[] setMap = new int[sets.size()];
        for (int s = 0; s < setMap.length; s++) {
            for (int i = 0; i < tuple.length; i++) {
                tuple[i] = i == attribute ? 0 : sets.get(s, i);
            }
            setMap[s] = narrower.code(tuple);
        }
        resetSets(narrower, setMap);
    }

    private void resetSets(IntTupleDictionary replacement, int[] setMap) {
        for (Rows run : runs) {
            for (int r = 0; r < run.count; r++) {
                run.setOf[r] = setMap[run.setOf[r]];
            }
        }
        sets = replacement;
    }

    private static void checkRowCount(long needed) {
        if (needed > Integer.MAX_VALUE - 16) {
            throw new QueryException("too many rows for one in-memory table: more than " + (Integer.MAX_VALUE - 16));
        }
    }

    /** The table, with the read's counts, rejects and data quality. */
    CostTable finish(ReadResult<?> read) {
        int width = rowLevel.length;
        // One array at a time, each run's part dropped once copied, so that the copy costs one column, not the table.
        int[] setOf = new int[rows];
        int at = 0;
        for (Rows run : runs) {
            System.arraycopy(run.setOf, 0, setOf, at, run.count);
            run.setOf = null;
            at += run.count;
        }
        int[] startOffset = new int[rows];
        at = 0;
        for (Rows run : runs) {
            System.arraycopy(run.startOffset, 0, startOffset, at, run.count);
            run.startOffset = null;
            at += run.count;
        }
        double[][] metrics = new double[METRICS][];
        for (int m = 0; m < METRICS; m++) {
            metrics[m] = new double[rows];
            at = 0;
            for (Rows run : runs) {
                System.arraycopy(run.metrics[m], 0, metrics[m], at, run.count);
                run.metrics[m] = null;
                at += run.count;
            }
        }
        runs.clear();
        String[][] values = new String[width][];
        for (int g = 0; g < width; g++) {
            if (g == TableSchema.DURATION) {
                values[g] = new String[] {null};
            } else if (rowLevel[g]) {
                rowValues[g].trim();
            } else {
                values[g] = dictionaries.get(g).values();
            }
        }
        while (tags.size() <= dictionaries.get(TAGS).size()) {
            tags.add(null);
        }
        Attributes attributes =
                new Attributes(width, sets.size(), sets.flat(), values, new ArrayList<>(tags), extras, rowValues);
        boolean[] metricPresent = new boolean[METRICS];
        for (int m = 0; m < METRICS; m++) {
            metricPresent[m] = present.contains(TableSchema.METRICS[m].column());
        }
        // Offsets from 2000-01-01 (every accepted start lies within 2^31 s of it); without any start, min > max.
        int minOffset = minStart == Long.MAX_VALUE ? Integer.MAX_VALUE : (int) (minStart - TableSink.FIRST_START);
        int maxOffset = maxStart == Long.MIN_VALUE ? Integer.MIN_VALUE : (int) (maxStart - TableSink.FIRST_START);
        return new CostTable(
                        rows,
                        setOf,
                        TableSink.FIRST_START,
                        startOffset,
                        minOffset,
                        maxOffset,
                        metrics,
                        metricPresent,
                        attributes,
                        present,
                        read.rejected(),
                        read.rejects(),
                        read.dataQuality())
                .withInputProfile(read.profile());
    }

    /** The dictionary index of an attribute index (all but the duration have one). */
    private static int dictionary(int attribute) {
        return attribute < TableSchema.DURATION ? attribute : attribute - 1;
    }

    private static int[] remap(ByteDictionary local, ByteDictionary global) {
        int[] map = new int[local.size() + 1];
        for (int code = 1; code <= local.size(); code++) {
            map[code] = local.copyTo(code, global);
        }
        return map;
    }
}
