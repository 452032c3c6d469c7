package dev.costagent.core.analysis.series;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads daily series through {@link CostQuery}s, never row by row: the series of several dimensions come from one
 * {@code GROUP BY day, D1, D2, …} query (a {@link DailyCube}) rolled up per dimension. Safe to share between threads
 * when the engine is.
 */
public final class DailySeriesReader {
    private final QueryEngine engine;
    private final SeriesScope scope;

    /** A reader of the scope's rows from an engine. */
    public DailySeriesReader(QueryEngine engine, SeriesScope scope) {
        this.engine = requireNonNull(engine, "engine");
        this.scope = requireNonNull(scope, "scope");
    }

    /** The scope this reader counts. */
    public SeriesScope scope() {
        return scope;
    }

    /** The total daily series (one query), on the axis from the first to the last day with data. */
    public DailySeries total() {
        QueryResult result = engine.execute(scope.query().groupBy(Dimension.DAY).build());
        DayAxis axis = axisOf(List.of(result));
        double[] values = new double[axis.days()];
        DayIndex days = new DayIndex(axis);
        for (QueryResult.Group g : result.groups()) {
            values[days.indexOf(g.key(0))] += g.value();
        }
        return new DailySeries(DailySeries.TOTAL, DailySeries.TOTAL, axis, values);
    }

    /** The series of every value of a dimension (one query), on the axis of its data. */
    public DailySeriesSet byDimension(Dimension dimension) {
        return byDimensions(List.of(dimension)).get(0);
    }

    /**
     * The series of every value of each dimension, all on one axis (the first to the last day with data), rolled up
     * from a single {@code GROUP BY day, D1, D2, …} query: one scan instead of one per dimension. The query's group
     * count is days × the co-occurring combinations of the dimensions' values (never more than the rows).
     */
    public List<DailySeriesSet> byDimensions(List<Dimension> dimensions) {
        return rollUps(cube(dimensions, scope.range(), null), dimensions);
    }

    /** The series of every value of each dimension, rolled up from a cube that holds them. */
    public static List<DailySeriesSet> rollUps(DailyCube cube, List<Dimension> dimensions) {
        List<DailySeriesSet> sets = new ArrayList<>(dimensions.size());
        for (Dimension d : dimensions) {
            sets.add(cube.rollUp(d.label()));
        }
        return sets;
    }

    /**
     * One {@code GROUP BY day, dimensions…} query over a time range within the scope, as a cube on the given axis
     * (or, when null, on the axis of the days found).
     */
    public DailyCube cube(List<Dimension> dimensions, dev.costagent.core.table.TimeRange range, DayAxis axis) {
        return cube(dimensions, range, axis, List.of());
    }

    /**
     * {@link #cube(List, dev.costagent.core.table.TimeRange, DayAxis)} over the scope's rows that also pass the given
     * filters (on the days themselves, say, or on a dimension's values).
     */
    public DailyCube cube(
            List<Dimension> dimensions,
            dev.costagent.core.table.TimeRange range,
            DayAxis axis,
            List<dev.costagent.core.table.Filter> filters) {
        List<String> labels = new ArrayList<>();
        for (Dimension d : dimensions) {
            if (d.isTime()) {
                throw new IllegalArgumentException("a series dimension must not be a time bucket: " + d);
            }
            if (labels.contains(d.label())) {
                throw new IllegalArgumentException("dimension listed twice: " + d);
            }
            labels.add(d.label());
        }
        CostQuery.Builder query =
                scope.query().range(range).groupBy(Dimension.DAY).groupBy(dimensions);
        for (Filter filter : filters) {
            query.filter(filter);
        }
        QueryResult result = engine.execute(query.build());
        return DailyCube.of(result, labels, axis == null ? axisOf(List.of(result)) : axis);
    }

    /** The axis spanning every day key found in the results' first key part named day. */
    static DayAxis axisOf(List<QueryResult> results) {
        LocalDate first = null;
        LocalDate last = null;
        for (QueryResult r : results) {
            // the day keys column by column: a run of groups of one day shares one key, so each day's key is parsed
            // once, with no group made and no lookup (tens of thousands of groups over 30 days)
            String[] days = r.keyColumn(r.query().groupBy().indexOf(Dimension.DAY));
            String lastKey = null;
            for (String key : days) {
                if (key == null || key == lastKey || key.equals(lastKey)) {
                    continue;
                }
                lastKey = key;
                LocalDate d = DayAxis.dayOf(key);
                first = first == null || d.isBefore(first) ? d : first;
                last = last == null || d.isAfter(last) ? d : last;
            }
        }
        return first == null ? new DayAxis(LocalDate.EPOCH, 0) : DayAxis.between(first, last);
    }

    /** Day key to axis index, parsing each distinct key once. */
    static final class DayIndex {
        private final DayAxis axis;
        private final Map<String, Integer> cache = new HashMap<>();

        DayIndex(DayAxis axis) {
            this.axis = axis;
        }

        /** The index of a {@code 2024-09-18} key, or -1 off the axis or for a null key. */
        int indexOf(String key) {
            if (key == null) {
                return -1;
            }
            Integer index = cache.get(key);
            if (index == null) {
                index = axis.indexOf(DayAxis.dayOf(key));
                cache.put(key, index);
            }
            return index;
        }
    }
}
