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
    /** A key space this many times the rows a selective query reads is kept in a hash rather than a dense array. */
    private static final int SPARSE_FACTOR = 8;
    /** Below this many rows every query scans (see {@link #selective}). */
    private static final int SELECTIVE_MIN_ROWS = 1 << 16;

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private final CostTable table;
    private final CostQuery query;
    private final Attributes attributes;
    /** The rows of the sets a selective query reads (set by {@link #selective} when it returns an index). */
    private long selectedRows;

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
        int passing = sets;
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
            // judged once per distinct value, not once per set: a column has far fewer values than sets
            passing = keepPassing(setPasses, values.passes(filter), values);
        }
        SetValues[] keyValues = new SetValues[setDims.size()];
        for (int d = 0; d < keyValues.length; d++) {
            keyValues[d] = setValues(setDims.get(d));
        }
        TimeKeys timeKeys = new TimeKeys(table, timeDims, timeFilters, query.range());
        if (passing == 0) {
            // no set passes the filters, so no row does (a check for recurring charges in a bill without any): the
            // empty answer, every column and time filter checked, without a pass over the sets or the rows
            int width = query.groupBy().size();
            return new QueryResult(query, new ResultGroups(new String[width][0], new double[0], new long[0]), 0.0, 0);
        }
        long setKeySpace = keyProduct(keyValues);
        IntTupleDictionary setGroups = new IntTupleDictionary(keyValues.length, (int) Math.min(setKeySpace, passing));
        int[] groupOfSet = new int[sets];
        groupSets(setPasses, keyValues, setKeySpace, setGroups, groupOfSet);
        // A group is the set group and the row-level codes in mixed radix; the key adds the time bucket on top.
        long groupCount = Math.max(setGroups.size(), 1);
        for (RowValues row : rowDims) {
            groupCount = multiplyOrFail(groupCount, row.radix());
        }
        long keySpace = multiplyOrFail(timeKeys.space(), groupCount);
        RowsBySet bySet = rowDims.isEmpty() && rowFilters.isEmpty() ? selective(setPasses, passing) : null;
        // A dense array costs its whole key space; when few rows are read (by set) and the space is far larger, a
        // hash sized to those rows holds the same sums (each slot adds the same rows in the same order).
        boolean sparse = bySet != null && keySpace > (long) SPARSE_FACTOR * selectedRows;
        GroupSlots slots = keySpace <= DENSE_LIMIT && !sparse
                ? GroupSlots.dense((int) keySpace)
                : GroupSlots.hashed((int) Math.min(
                        Math.min(keySpace, sparse ? selectedRows : table.rows), groupCount)); // fewer regrowths

        double[] metric = table.metrics[query.metric().ordinal()];
        int[] setOf = table.attributeSetOf;
        int[] offsets = table.startOffset;
        TimeKeys.InlineKey inline = timeKeys.inlineKey();
        if (bySet != null) {
            // few rows pass: read the kept sets' rows (in row order within each set) instead of every row
            addBySet(bySet, setPasses, groupOfSet, offsets, metric, timeKeys, groupCount, slots);
        } else if (rowDims.isEmpty() && rowFilters.isEmpty() && inline != null) {
            addRowsInline(table.rows, setOf, setPasses, groupOfSet, offsets, metric, inline, groupCount, slots);
        } else if (rowDims.isEmpty() && rowFilters.isEmpty()) {
            addRows(table.rows, setOf, setPasses, groupOfSet, offsets, metric, timeKeys, groupCount, slots);
        } else {
            addRowsWithRowValues(
                    table.rows,
                    setOf,
                    setPasses,
                    groupOfSet,
                    offsets,
                    metric,
                    timeKeys,
                    groupCount,
                    slots,
                    rowDims.toArray(new RowValues[0]),
                    rowFilters.toArray(new RowValues[0]));
        }

        // Order the groups by key without comparing strings: rank each dimension's values once (nulls first; time
        // buckets are already in key order), then sort the groups by their ranks, one stable counting pass per
        // dimension from the last to the first. Only the groups the result holds are ranked and decoded.
        int width = query.groupBy().size();
        int n = slots.used();
        int[] slotOf = new int[n];
        int[] setGroupOf = new int[n];
        long[] timeOf = new long[n];
        int[][] rowCodesOf = new int[rowDims.size()][n];
        long[] radixes = new long[rowDims.size()];
        for (int d = 0; d < radixes.length; d++) {
            radixes[d] = rowDims.get(d).radix();
        }
        splitKeys(slots, n, groupCount, radixes, slotOf, setGroupOf, timeOf, rowCodesOf);
        int[][] ranks = new int[width][];
        int[] rankRanges = new int[width];
        for (int d = 0; d < keyValues.length; d++) {
            int[] valueRanks = keyValues[d].ranks();
            ranks[setDimPositions.get(d)] = rankOfSetGroups(valueRanks, setGroups, setGroupOf, d);
            rankRanges[setDimPositions.get(d)] = valueRanks.length;
        }
        for (int d = 0; d < rowDims.size(); d++) {
            int position = rowDimPositions.get(d);
            ranks[position] = new int[n];
            rankRanges[position] = rowDims.get(d).rank(rowCodesOf[d], ranks[position]);
        }
        for (int d = 0; d < timeDims.size(); d++) {
            int position = timeDimPositions.get(d);
            ranks[position] = rankOfTimes(timeKeys, timeOf, d);
            rankRanges[position] = (int) timeKeys.radix(d) + 1;
        }
        int[] order = GroupOrder.sort(ranks, rankRanges, n);

        // The result column by column: a key part's strings are the table's own (or a time bucket's, cached), so a
        // result holds a few arrays however many groups it has, and a group is made only when it is read.
        String[][] columns = new String[width][n];
        for (int d = 0; d < keyValues.length; d++) {
            decodeSetGroups(columns[setDimPositions.get(d)], keyValues[d].keys, setGroups, setGroupOf, order, d);
        }
        for (int d = 0; d < rowDims.size(); d++) {
            String[] column = columns[rowDimPositions.get(d)];
            RowValues values = rowDims.get(d);
            int[] codes = rowCodesOf[d];
            for (int i = 0; i < n; i++) {
                column[i] = values.decode(codes[order[i]]);
            }
        }
        for (int d = 0; d < timeDims.size(); d++) {
            decodeTimes(columns[timeDimPositions.get(d)], timeKeys, timeOf, order, d);
        }
        double[] sums = new double[n];
        long[] rowCounts = new long[n];
        CompensatedSum total = new CompensatedSum();
        long totalRows = readSlots(slots, slotOf, order, sums, rowCounts, total);
        ResultGroups groups = new ResultGroups(columns, sums, rowCounts);
        return new QueryResult(query, groups, total.value(), totalRows);
    }

    // The loops of a query, each a small static method: in a one-shot process the JIT compiles a small method once
    // and every later query enters it compiled, where a loop inside one large method is compiled on the stack (OSR)
    // anew for each loop and entry, and runs interpreted until then.

    /** Clears the pass flag of the sets whose code the filter rejects; the sets still passing. */
    private static int keepPassing(boolean[] setPasses, boolean[] codePasses, SetValues values) {
        int passing = 0;
        for (int s = 0; s < setPasses.length; s++) {
            if (setPasses[s]) {
                boolean passes = codePasses[values.code(s)];
                setPasses[s] = passes;
                passing += passes ? 1 : 0;
            }
        }
        return passing;
    }

    /** The product of the dimensions' value counts (the key space of their codes), capped at Integer.MAX_VALUE. */
    private static long keyProduct(SetValues[] keyValues) {
        long product = 1;
        for (SetValues values : keyValues) {
            product = Math.min(product * values.valueCount(), Integer.MAX_VALUE);
        }
        return product;
    }

    /**
     * The group of set-dimension values of each passing set (sets that do not pass are never read). When the
     * dimensions' codes make a key space no larger than the sets (most queries: 1,107 keys for a service, an account
     * and a region at 100,000 sets; one key for a query of no set dimension), a set's group is looked up by its key in
     * an array, and only each group's first set is hashed; otherwise every set's codes are hashed.
     */
    private static void groupSets(
            boolean[] setPasses, SetValues[] keyValues, long keySpace, IntTupleDictionary setGroups, int[] groupOfSet) {
        if (keySpace <= Math.max(setPasses.length, 1024)) {
            groupSetsByKey(setPasses, keyValues, setGroups, groupOfSet, (int) keySpace);
            return;
        }
        int[] tuple = new int[Math.max(keyValues.length, 1)];
        for (int s = 0; s < setPasses.length; s++) {
            if (!setPasses[s]) {
                continue; // never read: its rows are skipped, and the key space stays that of the passing sets
            }
            for (int d = 0; d < keyValues.length; d++) {
                tuple[d] = keyValues[d].code(s);
            }
            groupOfSet[s] = setGroups.code(tuple);
        }
    }

    /**
     * {@link #groupSets} through an array over the codes' key space (mixed radix): groups are numbered in the order of
     * their first set, as the hash alone numbers them.
     */
    private static void groupSetsByKey(
            boolean[] setPasses, SetValues[] keyValues, IntTupleDictionary setGroups, int[] groupOfSet, int keySpace) {
        int[] groupOfKey = new int[keySpace];
        Arrays.fill(groupOfKey, -1);
        int[] tuple = new int[Math.max(keyValues.length, 1)];
        for (int s = 0; s < setPasses.length; s++) {
            if (!setPasses[s]) {
                continue;
            }
            int key = 0;
            for (SetValues values : keyValues) {
                key = key * values.valueCount() + values.code(s);
            }
            int group = groupOfKey[key];
            if (group < 0) {
                for (int d = 0; d < keyValues.length; d++) {
                    tuple[d] = keyValues[d].code(s);
                }
                group = setGroups.code(tuple);
                groupOfKey[key] = group;
            }
            groupOfSet[s] = group;
        }
    }

    /** Adds the rows of the passing sets, set by set (in row order within each set). */
    private static void addBySet(
            RowsBySet bySet,
            boolean[] setPasses,
            int[] groupOfSet,
            int[] offsets,
            double[] metric,
            TimeKeys timeKeys,
            long groupCount,
            GroupSlots slots) {
        int[] rowsOf = bySet.rows;
        int[] start = bySet.start;
        for (int s = 0; s < setPasses.length; s++) {
            if (!setPasses[s]) {
                continue;
            }
            long group = groupOfSet[s];
            for (int k = start[s], end = start[s + 1]; k < end; k++) {
                int r = rowsOf[k];
                long time = timeKeys.key(offsets[r]);
                if (time < 0) {
                    continue;
                }
                slots.add(time * groupCount + group, metric[r]);
            }
        }
    }

    /**
     * {@link #addRows} for the common shape (at most one time bucket and one time filter, each an hour or a day), the
     * row's key and the compensated addition written in line, into a dense array or the hash's (a proxy's few days of
     * 100,000 groups), with the same additions in the same order: most of the analyses' queries have this shape, and
     * in code compiled without profile-guided inlining (the agent's commands run queries with C1) the calls per row
     * were most of a row's cost.
     */
    private static void addRowsInline(
            int rows,
            int[] setOf,
            boolean[] setPasses,
            int[] groupOfSet,
            int[] offsets,
            double[] metric,
            TimeKeys.InlineKey time,
            long groupCount,
            GroupSlots slots) {
        boolean dense = slots.isDense();
        double[] sums = slots.denseSums();
        double[] compensations = slots.denseCompensations();
        long[] counts = slots.denseRows();
        long[] hash = slots.hashTable();
        boolean timed = time.timed();
        long start = time.start();
        long magic = time.magic();
        int shift = time.shift();
        boolean ranged = time.ranged();
        long low = time.low();
        long high = time.high();
        long noTime = time.noTimeKey();
        boolean[] passes = time.passes();
        long passesStart = time.passesStart();
        long passesMagic = time.passesMagic();
        int passesShift = time.passesShift();
        int used = 0;
        for (int r = 0; r < rows; r++) {
            int set = setOf[r];
            if (!setPasses[set]) {
                continue;
            }
            int offset = offsets[r];
            long key;
            if (offset == CostTable.NO_TIME) {
                if (noTime < 0) {
                    continue;
                }
                key = noTime;
            } else if (ranged && (offset < low || offset >= high)) {
                continue;
            } else if (passes != null && !passes[(int) (((offset - passesStart) * passesMagic) >>> passesShift)]) {
                continue;
            } else {
                key = timed ? ((offset - start) * magic) >>> shift : 0;
            }
            long slotKey = key * groupCount + groupOfSet[set];
            double value = metric[r];
            if (dense) {
                int slot = (int) slotKey;
                if (counts[slot]++ == 0) {
                    used++;
                }
                if (value != value) {
                    continue; // null metric: counted as a row, adds nothing, like SQL SUM
                }
                double sum = sums[slot];
                double next = sum + value;
                compensations[slot] += CompensatedSum.error(sum, value, next);
                sums[slot] = next;
                continue;
            }
            // the hash's probe in line; a key not there is taken by the slots (which may grow the array)
            int mask = hash.length / GroupSlots.STRIDE - 1;
            int slot = (int) (GroupSlots.mix(slotKey) & mask);
            long found;
            while ((found = hash[slot * GroupSlots.STRIDE]) != slotKey) {
                if (found == -1) {
                    slot = slots.slot(slotKey);
                    hash = slots.hashTable();
                    break;
                }
                slot = (slot + 1) & mask;
            }
            int at = slot * GroupSlots.STRIDE;
            hash[at + 3]++;
            if (value != value) {
                continue; // null metric: counted as a row, adds nothing, like SQL SUM
            }
            double sum = Double.longBitsToDouble(hash[at + 1]);
            double next = sum + value;
            hash[at + 2] = Double.doubleToRawLongBits(
                    Double.longBitsToDouble(hash[at + 2]) + CompensatedSum.error(sum, value, next));
            hash[at + 1] = Double.doubleToRawLongBits(next);
        }
        slots.addUsed(used);
    }

    /** Adds every row of a passing set: a query on set-level dimensions only. */
    private static void addRows(
            int rows,
            int[] setOf,
            boolean[] setPasses,
            int[] groupOfSet,
            int[] offsets,
            double[] metric,
            TimeKeys timeKeys,
            long groupCount,
            GroupSlots slots) {
        for (int r = 0; r < rows; r++) {
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
    }

    /** Adds every row of a passing set that the row-level filters keep, keyed by its row-level codes too. */
    private static void addRowsWithRowValues(
            int rows,
            int[] setOf,
            boolean[] setPasses,
            int[] groupOfSet,
            int[] offsets,
            double[] metric,
            TimeKeys timeKeys,
            long groupCount,
            GroupSlots slots,
            RowValues[] dims,
            RowValues[] filters) {
        rows:
        for (int r = 0; r < rows; r++) {
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

    /** Splits each used slot's key into its set group, row-level codes and time key, in slot order. */
    private static void splitKeys(
            GroupSlots slots,
            int n,
            long groupCount,
            long[] radixes,
            int[] slotOf,
            int[] setGroupOf,
            long[] timeOf,
            int[][] rowCodesOf) {
        for (int i = 0, j = 0, size = slots.size(); j < n && i < size; i++) {
            if (slots.rows(i) == 0) {
                continue;
            }
            long key = slots.key(i);
            long group = key % groupCount;
            for (int d = radixes.length - 1; d >= 0; d--) {
                long radix = radixes[d];
                rowCodesOf[d][j] = (int) (group % radix);
                group /= radix;
            }
            slotOf[j] = i;
            setGroupOf[j] = (int) group;
            timeOf[j] = key / groupCount;
            j++;
        }
    }

    /** The rank of each group's value of set dimension {@code d}. */
    private static int[] rankOfSetGroups(int[] valueRanks, IntTupleDictionary setGroups, int[] setGroupOf, int d) {
        int[] out = new int[setGroupOf.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = valueRanks[setGroups.get(setGroupOf[j], d)];
        }
        return out;
    }

    /** The rank of each group's time bucket of time dimension {@code d}. */
    private static int[] rankOfTimes(TimeKeys timeKeys, long[] timeOf, int d) {
        int[] out = new int[timeOf.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = timeKeys.index(timeOf[j], d) + 1; // "no ChargePeriodStart" (-1) first
        }
        return out;
    }

    /** The key strings of set dimension {@code d}, in result order. */
    private static void decodeSetGroups(
            String[] column, String[] keys, IntTupleDictionary setGroups, int[] setGroupOf, int[] order, int d) {
        for (int i = 0; i < column.length; i++) {
            column[i] = keys[setGroups.get(setGroupOf[order[i]], d)];
        }
    }

    /** The key strings of time dimension {@code d}, in result order. */
    private static void decodeTimes(String[] column, TimeKeys timeKeys, long[] timeOf, int[] order, int d) {
        for (int i = 0; i < column.length; i++) {
            column[i] = timeKeys.decode(timeOf[order[i]], d);
        }
    }

    /** Copies each group's sum and row count in result order; adds the sums to {@code total}; returns the rows. */
    private static long readSlots(
            GroupSlots slots, int[] slotOf, int[] order, double[] sums, long[] rowCounts, CompensatedSum total) {
        long totalRows = 0;
        for (int i = 0; i < sums.length; i++) {
            int slot = slotOf[order[i]];
            sums[i] = slots.value(slot);
            rowCounts[i] = slots.rows(slot);
            total.add(sums[i]);
            totalRows += rowCounts[i];
        }
        return totalRows;
    }

    /**
     * The table's rows by set when the sets a query keeps hold under a quarter of the rows (reading them beats a
     * scan); null otherwise, and for small tables, where a scan is cheap and the index not worth its memory.
     */
    private RowsBySet selective(boolean[] setPasses, int kept) {
        int sets = setPasses.length;
        if (table.rows < SELECTIVE_MIN_ROWS || sets < 2) {
            return null;
        }
        if (kept * 2L > sets) {
            return null; // most sets kept: most rows too, as a rule
        }
        RowsBySet index = table.rowsBySet();
        long rows = 0;
        for (int s = 0; s < sets; s++) {
            if (setPasses[s]) {
                rows += index.count(s);
            }
        }
        selectedRows = rows;
        return rows * 4 < table.rows ? index : null;
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
            this.codes = attributes.rowCodes(index);
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

        /**
         * Writes the rank of each group's code (among the codes present, nulls first) into {@code out}; returns the
         * number of distinct ranks.
         */
        int rank(int[] codes, int[] out) {
            int[] present = Arrays.stream(codes).distinct().toArray();
            Integer[] sorted = Arrays.stream(present).boxed().toArray(Integer[]::new);
            Arrays.sort(sorted, (a, b) -> NULLS_FIRST.compare(decode(a), decode(b)));
            Map<Integer, Integer> rank = new HashMap<>();
            for (int r = 0; r < sorted.length; r++) {
                rank.put(sorted[r], r);
            }
            for (int j = 0; j < codes.length; j++) {
                out[j] = rank.get(codes[j]);
            }
            return Math.max(sorted.length, 1);
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
            return new SetValues(attributes, tagsIndex, codeOfTags, decoded, null);
        }
        int index = table.columnIndex(dimension.name());
        if (index < 0) {
            throw new QueryException("column " + dimension.name() + " is absent from the input");
        }
        return new SetValues(attributes, index, null, attributes.values[index], attributes.ranks(index));
    }

    /**
     * Per-set codes of one dimension, and code → key: the set's code of one attribute, through a table from that code
     * to the dimension's own (a tag key's value within the Tags column's code) when one is given. A plain class with
     * no function inside, so that the per-set loops of every query call one small method the JIT inlines.
     */
    private static final class SetValues {
        /** The attribute's code per set. */
        private final int[] codes;

        /** Attribute code → this dimension's code, or null when they are the same. */
        private final int[] remap;

        private final String[] keys;

        /** Code → rank, when the table already knows it (column values, ranked once per table). */
        private final int[] knownRanks;

        private final Attributes attributes;
        private final int index;

        SetValues(Attributes attributes, int index, int[] remap, String[] keys, int[] knownRanks) {
            this.attributes = attributes;
            this.index = index;
            this.codes = attributes.setCodes(index);
            this.remap = remap;
            this.keys = keys;
            this.knownRanks = knownRanks;
        }

        int code(int set) {
            int code = codes[set];
            return remap == null ? code : remap[code];
        }

        String value(int set) {
            return keys[code(set)];
        }

        /**
         * Per code, whether a filter keeps its value. A filter on a few of a column's many values looks each up
         * ({@link Attributes#codeOf}); any other tests every value.
         */
        boolean[] passes(Filter filter) {
            boolean[] passes = new boolean[keys.length];
            Map<String, Integer> codeOf =
                    remap == null && !filter.exclude() && (long) filter.values().size() * 8 < keys.length
                            ? attributes.codeOf(index)
                            : null;
            if (codeOf != null) {
                for (String value : filter.values()) {
                    Integer code = value == null ? Integer.valueOf(0) : codeOf.get(value);
                    if (code != null) {
                        passes[code] = true;
                    }
                }
                return passes;
            }
            for (int c = 0; c < passes.length; c++) {
                passes[c] = filter.accepts(keys[c]);
            }
            return passes;
        }

        /** The number of codes (values and null). */
        int valueCount() {
            return keys.length;
        }

        String decode(int code) {
            return keys[code];
        }

        /** Code → position of its key in key order (null first). */
        int[] ranks() {
            return knownRanks != null ? knownRanks : rank(keys);
        }

        /**
         * Code → position of each key in key order: nulls first, equal keys in code order (the positions of a stable
         * sort). The codes are sorted by radix on their keys' characters ({@link KeyOrder}): a high-cardinality
         * column's ids share long prefixes, which a sort by whole-string comparison reads again in every comparison.
         */
        static int[] rank(String[] keys) {
            int[] order = new int[keys.length];
            int nulls = 0;
            for (int c = 0; c < keys.length; c++) {
                if (keys[c] == null) {
                    order[nulls++] = c;
                }
            }
            int n = nulls;
            for (int c = 0; c < keys.length; c++) {
                if (keys[c] != null) {
                    order[n++] = c;
                }
            }
            boolean equalKeys = KeyOrder.sort(order, nulls, n, keys);
            // equal keys (never in a dictionary; a list of keys with repeats) in code order, as a stable sort
            for (int i = nulls; equalKeys && i < n; ) {
                int j = i + 1;
                while (j < n && keys[order[j]].equals(keys[order[i]])) {
                    j++;
                }
                if (j - i > 1) {
                    Arrays.sort(order, i, j);
                }
                i = j;
            }
            int[] rank = new int[keys.length];
            for (int r = 0; r < order.length; r++) {
                rank[order[r]] = r;
            }
            return rank;
        }
    }
}
