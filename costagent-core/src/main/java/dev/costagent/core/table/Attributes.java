package dev.costagent.core.table;

import dev.costagent.core.focus.FocusColumn;
import java.util.List;
import java.util.Map;

/**
 * The descriptive columns of a {@link CostTable} (see {@link TableSchema}). Most are dictionary-encoded into the
 * distinct <em>attribute sets</em>, one int per row; a column whose values hardly repeat (a line-item id) is kept per
 * row instead, as its bytes per row (coded on the first query that reads it), so that it costs its bytes and never turns every
 * row into a set of its own. Immutable once built.
 */
final class Attributes {

    final int width;
    final int count;
    /**
     * Attribute {@code i} of set {@code s}: {@code columns[i][s]}. Column by column: a query's per-set passes read one
     * attribute of every set, and a set's row of {@code width} ints would make each read a cache miss (a strided copy
     * of one column cost about 10 ms at 100,000 sets, per column and process).
     */
    private final int[][] columns;
    /** Per set attribute index: code → string value (code 0 → null); {@code null} for row-level attributes. */
    final String[][] values;
    /** Tags code → parsed tags. */
    final List<Map<String, String>> tags;
    /** Non-FOCUS column names, in attribute order after {@link TableSchema#FIXED_WIDTH}. */
    final List<String> extraNames;
    /**
     * Per row-level attribute index: each row's value, coded on the first query that reads the column; {@code null}
     * for set attributes.
     */
    private final RowLevelColumn[] rowValues;
    /** Per set attribute, the ranks of its codes once a query asked for them. */
    private final java.util.concurrent.atomic.AtomicReferenceArray<int[]> rankCache;
    /** Per set attribute, value → code once a filter or {@link CostTable#prepare} asked for it. */
    private final java.util.concurrent.atomic.AtomicReferenceArray<java.util.Map<String, Integer>> codeCache;
    /** Per attribute, the lock its ranking and its value → code map are computed under. */
    private final Object[] rankLocks;

    /**
     * @param sets the sets row by row, set {@code s} element {@code i} at {@code sets[s * width + i]} (as the
     *     assembler's dictionary holds them); kept column by column
     */
    Attributes(
            int width,
            int count,
            int[] sets,
            String[][] values,
            List<Map<String, String>> tags,
            List<String> extraNames,
            RowLevelColumn[] rowValues) {
        this.width = width;
        this.count = count;
        this.columns = columns(sets, width, count);
        this.values = values;
        this.tags = tags;
        this.extraNames = List.copyOf(extraNames);
        this.rowValues = rowValues;
        this.rankCache = new java.util.concurrent.atomic.AtomicReferenceArray<>(width);
        this.codeCache = new java.util.concurrent.atomic.AtomicReferenceArray<>(width);
        this.rankLocks = new Object[width];
        java.util.Arrays.setAll(rankLocks, i -> new Object());
    }

    /** The sets, row by row, as one array per attribute: one sequential pass. */
    private static int[][] columns(int[] sets, int width, int count) {
        int[][] columns = new int[width][count];
        for (int s = 0, at = 0; s < count; s++) {
            for (int i = 0; i < width; i++) {
                columns[i][s] = sets[at++];
            }
        }
        return columns;
    }

    /** The attribute index of a string column by name (FOCUS or not), or -1. */
    int indexOf(String columnName) {
        var known = FocusColumn.byName(columnName);
        if (known.isPresent()) {
            return TableSchema.stringIndex(known.get());
        }
        int extra = extraNames.indexOf(columnName);
        return extra < 0 ? -1 : TableSchema.FIXED_WIDTH + extra;
    }

    /** Whether an attribute is kept per row rather than in the sets. */
    boolean rowLevel(int index) {
        return rowValues[index] != null;
    }

    /** The code of each row's value of a row-level attribute (0: null), in {@link #rowValue}'s numbering. */
    int[] rowCodes(int index) {
        return rowValues[index].codes();
    }

    /** The code of attribute {@code index} in set {@code set}. */
    int code(int set, int index) {
        return columns[index][set];
    }

    /** The code of attribute {@code index} in every set, by set ({@link #code}, one column; not to be written). */
    int[] setCodes(int index) {
        return columns[index];
    }

    /** The number of distinct values of a row-level attribute, null excluded. */
    int rowValueCount(int index) {
        return rowValues[index].values().size();
    }

    /**
     * Code → rank of its value in key order (null first) for a set attribute, computed once per table: queries sort
     * their groups by these ranks instead of sorting a large column's values every time.
     */
    int[] ranks(int index) {
        int[] known = rankCache.get(index);
        if (known == null) {
            // once per column: a thread asking while another ranks it (CostTable#prepare ahead of the queries) waits
            synchronized (rankLocks[index]) {
                known = rankCache.get(index);
                if (known == null) {
                    known = QueryExecutor.rankValues(values[index]);
                    rankCache.set(index, known);
                }
            }
        }
        return known;
    }

    /**
     * Value → code of a set attribute (null, code 0, left out), built once per table: a filter on a few values of a
     * large column (50 of 50,000 resource ids) looks each of them up instead of testing every value. Null when two
     * codes hold equal strings (bytes that decode alike), where a value has no one code.
     */
    java.util.Map<String, Integer> codeOf(int index) {
        java.util.Map<String, Integer> known = codeCache.get(index);
        if (known == null) {
            synchronized (rankLocks[index]) {
                known = codeCache.get(index);
                if (known == null) {
                    String[] keys = values[index];
                    java.util.Map<String, Integer> codes = new java.util.HashMap<>(keys.length * 4 / 3 + 1);
                    boolean unique = true;
                    for (int code = 1; code < keys.length && unique; code++) {
                        unique = codes.put(keys[code], code) == null;
                    }
                    known = unique ? java.util.Collections.unmodifiableMap(codes) : NOT_UNIQUE;
                    codeCache.set(index, known);
                }
            }
        }
        return known == NOT_UNIQUE ? null : known;
    }

    /** The value → code map of an attribute with equal strings under two codes. */
    private static final java.util.Map<String, Integer> NOT_UNIQUE = new java.util.HashMap<>();

    /** Whether an attribute's ranks are known. */
    boolean ranked(int index) {
        return rankCache.get(index) != null;
    }

    /** The value of a row-level attribute's code ({@code null} for 0). */
    String rowValue(int index, int code) {
        return rowValues[index].values().value(code);
    }

    /** Approximate heap bytes held. */
    long heapBytes() {
        long bytes = 16L + width * (16L + 4L * count);
        for (String[] column : values) {
            if (column == null) {
                continue;
            }
            bytes += 16L + column.length * 8L;
            for (String value : column) {
                bytes += value == null ? 0 : 40L + value.length();
            }
        }
        for (int i = 0; i < width; i++) {
            if (rowValues[i] != null) {
                bytes += rowValues[i].heapBytes();
            }
        }
        return bytes + tags.size() * 64L;
    }
}
