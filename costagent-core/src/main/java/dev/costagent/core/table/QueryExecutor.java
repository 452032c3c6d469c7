package dev.costagent.core.table;

import dev.costagent.core.focus.FocusColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@link CostQuery} over a {@link CostTable}.
 *
 * <p>Work that depends only on a row's attribute set (filters and keys on columns and tags) is done once per set, not
 * per row: each set gets a pass flag and a dense group number. The row loop then only reads the set, the start offset
 * and the metric, computes time buckets, and adds into a dense array of slots (or a hash of slots when the key space is
 * large), with Neumaier compensated summation.
 */
final class QueryExecutor {

    private static final int DENSE_LIMIT = 1 << 20;
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    /** Group keys in order: element by element, nulls first. */
    static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? -1 : 1;
                }
                continue;
            }
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private final CostTable table;
    private final CostQuery query;
    private final Attributes attributes;

    QueryExecutor(CostTable table, CostQuery query) {
        this.table = table;
        this.query = query;
        this.attributes = table.attributes;
    }

    QueryResult run() {
        if (!table.hasMetric(query.metric()) && table.rows > 0) {
            throw new QueryException("column " + query.metric().columnName() + " is absent from the input");
        }
        query.checkCurrencies(table.currencies());
        // Dimensions by where their values live: in the attribute set, per row (row-level columns), or in time.
        List<Dimension> setDims = new ArrayList<>();
        List<Integer> setDimPositions = new ArrayList<>();
        List<RowValues> rowDims = new ArrayList<>();
        List<Integer> rowDimPositions = new ArrayList<>();
        List<Dimension> timeDims = new ArrayList<>();
        List<Integer> timeDimPositions = new ArrayList<>();
        for (int i = 0; i < query.groupBy().size(); i++) {
            Dimension dimension = query.groupBy().get(i);
            if (dimension.isTime()) {
                timeDims.add(dimension);
                timeDimPositions.add(i);
            } else if (rowLevelIndex(dimension) >= 0) {
                rowDims.add(new RowValues(rowLevelIndex(dimension)));
                rowDimPositions.add(i);
            } else {
                setDims.add(dimension);
                setDimPositions.add(i);
            }
        }

        // Per attribute set: does it pass the filters, and which group of set-dimension values is it in?
        int sets = attributes.count;
        boolean[] setPasses = new boolean[sets];
        Arrays.fill(setPasses, true);
        List<Filter> timeFilters = new ArrayList<>();
        List<RowValues> rowFilters = new ArrayList<>();
        for (Filter filter : query.filters()) {
            if (filter.dimension().isTime()) {
                timeFilters.add(filter);
                continue;
            }
            int rowIndex = rowLevelIndex(filter.dimension());
            if (rowIndex >= 0) {
                rowFilters.add(new RowValues(rowIndex).filtered(filter));
                continue;
            }
            SetValues values = setValues(filter.dimension());
            for (int s = 0; s < sets; s++) {
                setPasses[s] &= filter.accepts(values.value(s));
            }
        }
        SetValues[] keyValues = new SetValues[setDims.size()];
        for (int d = 0; d < keyValues.length; d++) {
            keyValues[d] = setValues(setDims.get(d));
        }
        IntTupleDictionary setGroups = new IntTupleDictionary(keyValues.length);
        int[] groupOfSet = new int[sets];
        int[] tuple = new int[Math.max(keyValues.length, 1)];
        for (int s = 0; s < sets; s++) {
            for (int d = 0; d < keyValues.length; d++) {
                tuple[d] = keyValues[d].code(s);
            }
            groupOfSet[s] = setGroups.code(tuple);
        }
        TimeKeys timeKeys = new TimeKeys(table, timeDims, timeFilters, query.range());
        // A group is the set group and the row-level codes in mixed radix; the key adds the time bucket on top.
        long groupCount = Math.max(setGroups.size(), 1);
        for (RowValues row : rowDims) {
            groupCount = multiplyOrFail(groupCount, row.radix());
        }
        long keySpace = multiplyOrFail(timeKeys.space(), groupCount);
        GroupSlots slots = keySpace <= DENSE_LIMIT ? GroupSlots.dense((int) keySpace) : GroupSlots.hashed();

        double[] metric = table.metrics[query.metric().ordinal()];
        int[] setOf = table.attributeSetOf;
        int[] offsets = table.startOffset;
        if (rowDims.isEmpty() && rowFilters.isEmpty()) {
            for (int r = 0, n = table.rows; r < n; r++) {
                int set = setOf[r];
                if (!setPasses[set]) {
                    continue;
                }
                long time = timeKeys.key(offsets[r]);
                if (time < 0) {
                    continue;
                }
                slots.add(time * groupCount + groupOfSet[set], metric[r]);
            }
        } else {
            RowValues[] dims = rowDims.toArray(new RowValues[0]);
            RowValues[] filters = rowFilters.toArray(new RowValues[0]);
            rows:
            for (int r = 0, n = table.rows; r < n; r++) {
                int set = setOf[r];
                if (!setPasses[set]) {
                    continue;
                }
                for (RowValues filter : filters) {
                    if (!filter.passes[filter.codes[r]]) {
                        continue rows;
                    }
                }
                long time = timeKeys.key(offsets[r]);
                if (time < 0) {
                    continue;
                }
                long group = groupOfSet[set];
                for (RowValues dim : dims) {
                    group = group * dim.radix() + dim.codes[r];
                }
                slots.add(time * groupCount + group, metric[r]);
            }
        }

        // Order the groups by key without comparing strings per pair: rank each dimension's values once (nulls
        // first; time buckets are already in key order), then sort the groups by their ranks.
        int width = query.groupBy().size();
        List<RankedSlot> ranked = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.rows(i) > 0) {
                ranked.add(new RankedSlot(i, new int[width], new int[rowDims.size()]));
            }
        }
        int[][] setRanks = new int[keyValues.length][];
        for (int d = 0; d < keyValues.length; d++) {
            setRanks[d] = keyValues[d].ranks();
        }
        for (RankedSlot slot : ranked) {
            long key = slots.key(slot.index);
            long group = key % groupCount;
            for (int d = rowDims.size() - 1; d >= 0; d--) {
                long radix = rowDims.get(d).radix();
                slot.rowCodes[d] = (int) (group % radix);
                group /= radix;
            }
            for (int d = 0; d < keyValues.length; d++) {
                slot.ranks[setDimPositions.get(d)] = setRanks[d][setGroups.get((int) group, d)];
            }
            slot.setGroup = (int) group;
            int[] indexes = timeKeys.indexes(key / groupCount);
            for (int d = 0; d < indexes.length; d++) {
                slot.ranks[timeDimPositions.get(d)] = indexes[d];
            }
        }
        for (int d = 0; d < rowDims.size(); d++) {
            rowDims.get(d).rank(ranked, d, rowDimPositions.get(d));
        }
        ranked.sort((a, b) -> Arrays.compare(a.ranks, b.ranks));

        List<QueryResult.Group> groups = new ArrayList<>(ranked.size());
        CompensatedSum total = new CompensatedSum();
        long totalRows = 0;
        for (RankedSlot slot : ranked) {
            long key = slots.key(slot.index);
            String[] parts = new String[width];
            for (int d = 0; d < keyValues.length; d++) {
                parts[setDimPositions.get(d)] = keyValues[d].decode(setGroups.get(slot.setGroup, d));
            }
            for (int d = 0; d < rowDims.size(); d++) {
                parts[rowDimPositions.get(d)] = rowDims.get(d).decode(slot.rowCodes[d]);
            }
            String[] timeParts = timeKeys.decode(key / groupCount);
            for (int d = 0; d < timeParts.length; d++) {
                parts[timeDimPositions.get(d)] = timeParts[d];
            }
            double value = slots.value(slot.index);
            long rows = slots.rows(slot.index);
            groups.add(new QueryResult.Group(Arrays.asList(parts), value, rows));
            total.add(value);
            totalRows += rows;
        }
        return new QueryResult(query, groups, total.value(), totalRows);
    }

    private static long multiplyOrFail(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new QueryException("too many groups for one query: " + a + " x " + b);
        }
    }

    /** Code → rank of each value in key order (null first). */
    static int[] rankValues(String[] keys) {
        return SetValues.rank(keys);
    }

    /** The attribute index of a column dimension kept per row, or -1. */
    private int rowLevelIndex(Dimension dimension) {
        if (dimension.kind() == Dimension.Kind.TAG || dimension.isTime()) {
            return -1;
        }
        int index = attributes.indexOf(dimension.name());
        return index >= 0 && attributes.rowLevel(index) ? index : -1;
    }

    /** A row-level column in a query: its codes per row, decoded and ranked only for the codes a result holds. */
    private final class RowValues {
        final int index;
        final int[] codes;
        /** For a filter: per code, whether rows with it pass. */
        boolean[] passes;

        private final Map<Integer, String> decoded = new HashMap<>();

        RowValues(int index) {
            this.index = index;
            this.codes = attributes.rowCodes[index];
        }

        long radix() {
            return attributes.rowValueCount(index) + 1L;
        }

        RowValues filtered(Filter filter) {
            passes = new boolean[(int) radix()];
            for (int code = 0; code < passes.length; code++) {
                passes[code] = filter.accepts(attributes.rowValue(index, code));
            }
            return this;
        }

        String decode(int code) {
            return decoded.computeIfAbsent(code, c -> attributes.rowValue(index, c));
        }

        /** Puts each slot's rank of this dimension's value (nulls first) at {@code position}. */
        void rank(List<RankedSlot> slots, int dimension, int position) {
            Integer[] present =
                    slots.stream().map(s -> s.rowCodes[dimension]).distinct().toArray(Integer[]::new);
            Arrays.sort(present, (a, b) -> NULLS_FIRST.compare(decode(a), decode(b)));
            Map<Integer, Integer> rank = new HashMap<>();
            for (int r = 0; r < present.length; r++) {
                rank.put(present[r], r);
            }
            for (RankedSlot slot : slots) {
                slot.ranks[position] = rank.get(slot.rowCodes[dimension]);
            }
        }
    }

    /** A non-empty slot, the ranks of its key parts in group-by order, its set group and its row-level codes. */
    private static final class RankedSlot {
        final int index;
        final int[] ranks;
        final int[] rowCodes;
        int setGroup;

        RankedSlot(int index, int[] ranks, int[] rowCodes) {
            this.index = index;
            this.ranks = ranks;
            this.rowCodes = rowCodes;
        }
    }

    /** The values of a column or tag per attribute set, as codes with a decoder. */
    private SetValues setValues(Dimension dimension) {
        if (dimension.kind() == Dimension.Kind.TAG) {
            int tagsIndex = TableSchema.stringIndex(FocusColumn.TAGS);
            Map<String, Integer> codes = new HashMap<>();
            List<String> names = new ArrayList<>();
            names.add(null);
            int[] codeOfTags = new int[attributes.tags.size()];
            for (int t = 1; t < codeOfTags.length; t++) {
                String value = attributes.tags.get(t).get(dimension.name());
                if (value != null) {
                    codeOfTags[t] = codes.computeIfAbsent(value, v -> {
                        names.add(v);
                        return names.size() - 1;
                    });
                }
            }
            String[] decoded = names.toArray(new String[0]);
            return new SetValues(s -> codeOfTags[attributes.code(s, tagsIndex)], decoded);
        }
        int index = attributes.indexOf(dimension.name());
        boolean present = FocusColumn.byName(dimension.name())
                .map(table.columns()::contains)
                .orElse(index >= 0);
        if (index < 0 || !present) {
            throw new QueryException("column " + dimension.name() + " is absent from the input");
        }
        return new SetValues(s -> attributes.code(s, index), attributes.values[index], attributes.ranks(index));
    }

    /** Per-set codes of one dimension, and code → key. */
    private static final class SetValues {
        private final java.util.function.IntUnaryOperator codeOfSet;
        private final String[] keys;

        /** Code → rank, when the table already knows it (column values, ranked once per table). */
        private final int[] knownRanks;

        SetValues(java.util.function.IntUnaryOperator codeOfSet, String[] keys) {
            this(codeOfSet, keys, null);
        }

        SetValues(java.util.function.IntUnaryOperator codeOfSet, String[] keys, int[] knownRanks) {
            this.codeOfSet = codeOfSet;
            this.keys = keys;
            this.knownRanks = knownRanks;
        }

        int code(int set) {
            return codeOfSet.applyAsInt(set);
        }

        String value(int set) {
            return keys[code(set)];
        }

        String decode(int code) {
            return keys[code];
        }

        /** Code → position of its key in key order (null first). */
        int[] ranks() {
            return knownRanks != null ? knownRanks : rank(keys);
        }

        /** Code → position of each key in key order (null first). */
        static int[] rank(String[] keys) {
            Integer[] codes = new Integer[keys.length];
            for (int c = 0; c < codes.length; c++) {
                codes[c] = c;
            }
            Arrays.sort(codes, (a, b) -> {
                String x = keys[a];
                String y = keys[b];
                if (x == null || y == null) {
                    return x == y ? 0 : x == null ? -1 : 1;
                }
                return x.compareTo(y);
            });
            int[] rank = new int[keys.length];
            for (int r = 0; r < codes.length; r++) {
                rank[codes[r]] = r;
            }
            return rank;
        }
    }
}
