package dev.costagent.core.analysis.series;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.table.QueryResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to one {@code GROUP BY day, D1, D2, …} query, kept so that several daily series can be rolled up from
 * a single scan of the table: the series of any one dimension, or of one dimension within a value of another. Roll-ups
 * are exact because every row has exactly one value per dimension ({@link DailySeries#NONE} for none).
 */
public final class DailyCube {
    private final DayAxis axis;
    private final List<String> dimensions;
    private final int[] day;
    /** Per dimension, each group's value ({@link DailySeries#NONE} for none): one array per dimension. */
    private final String[][] keys;

    private final double[] value;
    /** Per dimension, its values coded once for every request ({@code null} until one asks). */
    private final DimensionCodes[] dimensionCodes;

    /**
     * The largest total first, then by value: written out, as a composed comparator's lambdas are each linked on
     * first use, which in a one-shot run costs more than the comparisons.
     */
    private static final Comparator<DailySeries> LARGEST_FIRST = new Comparator<>() {
        @Override
        public int compare(DailySeries a, DailySeries b) {
            int c = Double.compare(-a.sum(), -b.sum());
            return c != 0 ? c : a.value().compareTo(b.value());
        }
    };

    private DailyCube(DayAxis axis, List<String> dimensions, int[] day, String[][] keys, double[] value) {
        this.axis = axis;
        this.dimensions = dimensions;
        this.day = day;
        this.keys = keys;
        this.value = value;
        this.dimensionCodes = new DimensionCodes[keys.length];
    }

    /**
     * The cube of a result whose first key part is the day and whose other parts are the given dimensions; groups
     * off the axis are dropped.
     */
    public static DailyCube of(QueryResult result, List<String> dimensions, DayAxis axis) {
        requireNonNull(axis, "axis");
        // Read column by column: 100,000+ groups need no object each, and the groups come sorted by day first, so the
        // day of a run of groups is looked up once.
        DailySeriesReader.DayIndex days = new DailySeriesReader.DayIndex(axis);
        String[] dayKeys = result.keyColumn(0);
        double[] value = result.values();
        int[] day = new int[dayKeys.length];
        String lastKey = null;
        int lastDay = -1;
        boolean offAxis = false;
        for (int g = 0; g < dayKeys.length; g++) {
            if (g == 0 || dayKeys[g] != lastKey) { // the same instance: the same day
                lastKey = dayKeys[g];
                lastDay = days.indexOf(lastKey);
                offAxis |= lastDay < 0;
            }
            day[g] = lastDay;
        }
        String[][] keys = new String[dimensions.size()][];
        for (int i = 0; i < keys.length; i++) {
            String[] column = result.keyColumn(i + 1);
            for (int g = 0; g < column.length; g++) {
                if (column[g] == null) {
                    column[g] = DailySeries.NONE;
                }
            }
            keys[i] = column;
        }
        if (offAxis) {
            // groups off the axis are dropped
            int n = 0;
            for (int g = 0; g < day.length; g++) {
                if (day[g] >= 0) {
                    for (String[] column : keys) {
                        column[n] = column[g];
                    }
                    day[n] = day[g];
                    value[n] = value[g];
                    n++;
                }
            }
            for (int i = 0; i < keys.length; i++) {
                keys[i] = Arrays.copyOf(keys[i], n);
            }
            day = Arrays.copyOf(day, n);
            value = Arrays.copyOf(value, n);
        }
        return new DailyCube(axis, List.copyOf(dimensions), day, keys, value);
    }

    /** The days. */
    public DayAxis axis() {
        return axis;
    }

    /** The dimension labels, in key order. */
    public List<String> dimensions() {
        return dimensions;
    }

    /** Whether the cube has a dimension. */
    public boolean has(String dimension) {
        return dimensions.contains(dimension);
    }

    /** The series of every value of one dimension, largest total first. */
    public DailySeriesSet rollUp(String dimension) {
        // by the dimension's codes (kept for the root causes' requests on this cube), the rows added in order
        DimensionCodes codes = codes(index(dimension));
        double[][] values = new double[codes.values().size()][axis.days()];
        int[] codeOfRow = codes.codeOfRow();
        for (int r = 0; r < value.length; r++) {
            values[codeOfRow[r]][day[r]] += value[r];
        }
        List<DailySeries> series = new ArrayList<>(values.length);
        for (int c = 0; c < values.length; c++) {
            series.add(new DailySeries(dimension, codes.values().get(c), axis, values[c]));
        }
        series.sort(LARGEST_FIRST);
        return new DailySeriesSet(dimension, axis, series);
    }

    /**
     * The daily values of every value of {@code dimension}, within the rows whose {@code within} dimension equals
     * {@code withinValue} (all rows when {@code within} is null).
     */
    public Map<String, double[]> rollUp(String dimension, String within, String withinValue) {
        int target = index(dimension);
        int filter = within == null ? -1 : index(within);
        Map<String, double[]> out = new LinkedHashMap<>();
        String[] filtered = filter < 0 ? null : keys[filter];
        String[] targets = keys[target];
        for (int r = 0; r < value.length; r++) {
            if (filtered != null && !filtered[r].equals(withinValue)) {
                continue;
            }
            out.computeIfAbsent(targets[r], k -> new double[axis.days()])[day[r]] += value[r];
        }
        return out;
    }

    /**
     * One roll-up request for {@link #rollUps}: the series of every value of {@code dimension} within the rows whose
     * {@code within} dimension equals {@code withinValue} (all rows when {@code within} is null).
     *
     * @param dimension the dimension whose values are rolled up
     * @param within the dimension restricting the rows, or null for all rows
     * @param withinValue the value {@code within} must have
     */
    public record RollUp(String dimension, String within, String withinValue) {
        // Written out: a record's generated equals and hashCode are linked on first use, slowly in a young process,
        // and requests are the keys of the root causes' maps.
        @Override
        public boolean equals(Object o) {
            return o instanceof RollUp r
                    && dimension.equals(r.dimension)
                    && java.util.Objects.equals(within, r.within)
                    && java.util.Objects.equals(withinValue, r.withinValue);
        }

        @Override
        public int hashCode() {
            return (dimension.hashCode() * 31 + java.util.Objects.hashCode(within)) * 31
                    + java.util.Objects.hashCode(withinValue);
        }
    }

    /**
     * Several {@link #rollUp(String, String, String) roll-ups} in one pass over the cube: each answer equals what
     * {@code rollUp} gives for its request (the same values added in the same order), in request order.
     */
    public List<Map<String, double[]>> rollUps(List<RollUp> requests) {
        int q = requests.size();
        int[] target = new int[q];
        int[] filter = new int[q];
        String[] filterValue = new String[q];
        List<Map<String, double[]>> out = new ArrayList<>(q);
        // the last key seen per request and its series: the cube is in key order, so neighbours often share a value
        String[] lastKey = new String[q];
        double[][] lastSeries = new double[q][];
        for (int i = 0; i < q; i++) {
            RollUp r = requests.get(i);
            target[i] = index(r.dimension());
            filter[i] = r.within() == null ? -1 : index(r.within());
            filterValue[i] = r.withinValue();
            out.add(new LinkedHashMap<>());
        }
        int days = axis.days();
        // one function for every new key (a lambda written inside the loop is a new object on each lookup)
        java.util.function.Function<String, double[]> newSeries = x -> new double[days];
        @SuppressWarnings("unchecked")
        Map<String, double[]>[] maps = out.toArray(new Map[0]);
        for (int r = 0; r < value.length; r++) {
            for (int i = 0; i < q; i++) {
                if (filter[i] >= 0 && !keys[filter[i]][r].equals(filterValue[i])) {
                    continue;
                }
                String key = keys[target[i]][r];
                double[] series = lastSeries[i];
                if (key != lastKey[i]) { // the same instance: the same key, no lookup
                    series = maps[i].computeIfAbsent(key, newSeries);
                    lastKey[i] = key;
                    lastSeries[i] = series;
                }
                series[day[r]] += value[r];
            }
        }
        return out;
    }

    /**
     * The values of a request's dimension within its rows, numbered in the order the cube's rows first show them
     * (the order {@link #rollUps} gives its series in), with each row's code: what {@link #cells} and {@link #series}
     * sum, so that a caller can rank tens of thousands of values without a series for each.
     */
    public Coded coded(RollUp request) {
        DimensionCodes target = codes(index(request.dimension()));
        int[] filterCodes = null;
        int wanted = -1;
        if (request.within() != null) {
            DimensionCodes filter = codes(index(request.within()));
            filterCodes = filter.codeOfRow;
            wanted = filter.codeOf.getOrDefault(request.withinValue(), -1);
        }
        // the request's own numbering, in the order its rows first show each value
        int[] requestCode = new int[target.values.size()];
        Arrays.fill(requestCode, -1);
        List<String> values = new ArrayList<>();
        int[] codeOfRow = new int[value.length];
        for (int r = 0; r < value.length; r++) {
            if (filterCodes != null && filterCodes[r] != wanted) {
                codeOfRow[r] = -1;
                continue;
            }
            int t = target.codeOfRow[r];
            int code = requestCode[t];
            if (code < 0) {
                code = values.size();
                requestCode[t] = code;
                values.add(target.values.get(t));
            }
            codeOfRow[r] = code;
        }
        return new Coded(values, codeOfRow);
    }

    /**
     * One dimension's values numbered in the order the cube's rows first show them, with each row's number: requests
     * then filter and number rows by ints instead of a string comparison and a hash lookup per row and request.
     */
    private record DimensionCodes(List<String> values, Map<String, Integer> codeOf, int[] codeOfRow) {}

    private synchronized DimensionCodes codes(int dimension) {
        if (dimensionCodes[dimension] == null) {
            String[] column = keys[dimension];
            Map<String, Integer> codeOf = new java.util.HashMap<>();
            List<String> values = new ArrayList<>();
            int[] codeOfRow = new int[column.length];
            String lastKey = null;
            int lastCode = -1;
            for (int r = 0; r < column.length; r++) {
                String key = column[r];
                if (key != lastKey) { // the same instance: the same key, no lookup
                    Integer code = codeOf.get(key);
                    if (code == null) {
                        code = values.size();
                        codeOf.put(key, code);
                        values.add(key);
                    }
                    lastKey = key;
                    lastCode = code;
                }
                codeOfRow[r] = lastCode;
            }
            dimensionCodes[dimension] = new DimensionCodes(values, codeOf, codeOfRow);
        }
        return dimensionCodes[dimension];
    }

    /**
     * The values of a dimension within a roll-up request, coded ({@link #coded}).
     *
     * @param values the values, by code
     * @param codeOfRow each cube row's code, -1 for rows outside the request
     */
    public record Coded(List<String> values, int[] codeOfRow) {
        /** The number of values. */
        public int size() {
            return values.size();
        }
    }

    /**
     * For every value of {@code coded}, its cost on each of the given day indices: {@code cells[code * days.length +
     * j]} is what its {@link #rollUps} series holds on {@code days[j]} (the same additions in the same order). Days
     * off the axis hold 0.
     */
    public double[] cells(Coded coded, int[] days) {
        int k = days.length;
        double[] cells = new double[coded.size() * k];
        int[] codeOfRow = coded.codeOfRow();
        for (int r = 0; r < value.length; r++) {
            int code = codeOfRow[r];
            if (code < 0) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                if (day[r] == days[j]) {
                    cells[code * k + j] += value[r];
                    break;
                }
            }
        }
        return cells;
    }

    /**
     * The daily series of the given codes of {@code coded}, in that order, each equal to its {@link #rollUps} series
     * (the same additions in the same order), in one pass over the cube.
     */
    public double[][] series(Coded coded, int[] codes) {
        int days = axis.days();
        int[] slotOfCode = new int[coded.size()];
        java.util.Arrays.fill(slotOfCode, -1);
        double[][] series = new double[codes.length][];
        for (int i = 0; i < codes.length; i++) {
            slotOfCode[codes[i]] = i;
            series[i] = new double[days];
        }
        int[] codeOfRow = coded.codeOfRow();
        for (int r = 0; r < value.length; r++) {
            int code = codeOfRow[r];
            if (code >= 0 && slotOfCode[code] >= 0) {
                series[slotOfCode[code]][day[r]] += value[r];
            }
        }
        return series;
    }

    private int index(String dimension) {
        int i = dimensions.indexOf(dimension);
        if (i < 0) {
            throw new IllegalArgumentException("the cube has no dimension " + dimension + " (has " + dimensions + ")");
        }
        return i;
    }
}
