package dev.costagent.core.analysis.trend;

import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.series.DailySeriesSet;
import dev.costagent.core.analysis.series.DayAxis;
import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.table.TimeRange;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes {@link Trends} from daily series (no further queries), and breakdowns and top movers for any dimension and
 * periods through grouped queries. Immutable and thread-safe.
 */
public final class TrendAnalyzer {
    /** Decimal places of mover amounts. */
    public static final int MONEY_SCALE = 6;

    private final int slopeDays;
    private final int topMovers;

    private TrendAnalyzer(int slopeDays, int topMovers) {
        this.slopeDays = slopeDays;
        this.topMovers = topMovers;
    }

    /** The slope over the last 28 days (whole weeks, so the weekly pattern does not tilt it) and 5 top movers. */
    public static TrendAnalyzer defaults() {
        return of(28, 5);
    }

    /** A trend analyzer fitting the slope over the last {@code slopeDays} (≥ 3) and listing {@code topMovers}. */
    public static TrendAnalyzer of(int slopeDays, int topMovers) {
        if (slopeDays < 3 || topMovers < 0) {
            throw new IllegalArgumentException("slopeDays must be >= 3 and topMovers >= 0");
        }
        return new TrendAnalyzer(slopeDays, topMovers);
    }

    /** The trends of a total series, with breakdown and movers by the values of a dimension on the same axis. */
    public Trends analyze(DailySeries total, DailySeriesSet byDimension) {
        DayAxis axis = total.axis();
        int n = axis.days();
        PeriodChange wow = n < 14
                ? null
                : PeriodChange.of(
                        axis.day(n - 7),
                        axis.day(n - 1),
                        axis.day(n - 14),
                        axis.day(n - 8),
                        total.sum(n - 7, n),
                        total.sum(n - 14, n - 7));
        Slope slope = n < 3 ? null : Slope.fit(total.values(), Math.max(0, n - slopeDays), n);
        TopMovers movers = n < 14 ? null : topMovers(byDimension, n - 14, n - 7, n - 7, n, topMovers);
        return new Trends(wow, monthOverMonth(total), slope, breakdown(byDimension), movers);
    }

    /** The month to date against the same days of the previous month, if those are on the axis. */
    static PeriodChange monthOverMonth(DailySeries total) {
        DayAxis axis = total.axis();
        if (axis.isEmpty()) {
            return null;
        }
        LocalDate last = axis.last();
        LocalDate currentFrom = last.withDayOfMonth(1);
        LocalDate previousFrom = currentFrom.minusMonths(1);
        LocalDate previousTo = previousFrom.plusDays(Math.min(last.getDayOfMonth(), previousFrom.lengthOfMonth()) - 1L);
        if (last.getDayOfMonth() == last.lengthOfMonth()) {
            previousTo = previousFrom.withDayOfMonth(previousFrom.lengthOfMonth()); // whole month against whole
        }
        if (axis.indexOf(previousFrom) < 0 || axis.indexOf(currentFrom) < 0) {
            return null;
        }
        int cf = axis.indexOf(currentFrom);
        int pf = axis.indexOf(previousFrom);
        int pt = axis.indexOf(previousTo);
        return PeriodChange.of(
                currentFrom, last, previousFrom, previousTo, total.sum(cf, axis.days()), total.sum(pf, pt + 1));
    }

    /** The cost by value over the whole axis of a set. */
    public static Breakdown breakdown(DailySeriesSet set) {
        Map<String, Double> costs = new LinkedHashMap<>();
        for (DailySeries s : set.series()) {
            costs.put(s.value(), s.sum());
        }
        return breakdown(set.dimension(), costs);
    }

    // Orders written out rather than composed of Comparator steps: each step's lambda is linked on its first use,
    // which in a one-shot run costs more than every comparison after it.

    /** The largest cost first, then by value. */
    private static final Comparator<Breakdown.Item> LARGEST_COST_FIRST = new Comparator<>() {
        @Override
        public int compare(Breakdown.Item a, Breakdown.Item b) {
            int c = Double.compare(-a.cost(), -b.cost());
            return c != 0 ? c : a.value().compareTo(b.value());
        }
    };

    /** The largest change (either way) first, then by value. */
    private static final Comparator<TopMovers.Mover> LARGEST_CHANGE_FIRST = new Comparator<>() {
        @Override
        public int compare(TopMovers.Mover a, TopMovers.Mover b) {
            int c = b.change().abs().compareTo(a.change().abs());
            return c != 0 ? c : a.value().compareTo(b.value());
        }
    };

    /** The cost by value of any dimension over a scope (one grouped query). */
    public static Breakdown breakdown(QueryEngine engine, SeriesScope scope, Dimension dimension) {
        QueryResult r = engine.execute(scope.query().groupBy(dimension).build());
        Map<String, Double> costs = new LinkedHashMap<>();
        for (QueryResult.Group g : r.groups()) {
            costs.merge(g.key(0) == null ? DailySeries.NONE : g.key(0), g.value(), Double::sum);
        }
        return breakdown(dimension.label(), costs);
    }

    private static Breakdown breakdown(String dimension, Map<String, Double> costs) {
        double total = 0;
        for (double c : costs.values()) {
            total += c;
        }
        List<Breakdown.Item> items = new ArrayList<>();
        for (Map.Entry<String, Double> e : costs.entrySet()) {
            items.add(new Breakdown.Item(e.getKey(), e.getValue(), total == 0 ? 0 : e.getValue() / total));
        }
        items.sort(LARGEST_COST_FIRST);
        return new Breakdown(dimension, total, items);
    }

    /** Top movers between two index ranges {@code [from, to)} of a set's axis. */
    public static TopMovers topMovers(
            DailySeriesSet set, int previousFrom, int previousTo, int currentFrom, int currentTo, int top) {
        Map<String, double[]> periods = new LinkedHashMap<>();
        for (DailySeries s : set.series()) {
            periods.put(s.value(), new double[] {s.sum(previousFrom, previousTo), s.sum(currentFrom, currentTo)});
        }
        DayAxis axis = set.axis();
        return topMovers(
                set.dimension(),
                axis.day(currentFrom),
                axis.day(currentTo - 1),
                axis.day(previousFrom),
                axis.day(previousTo - 1),
                periods,
                top);
    }

    /**
     * Top movers of any dimension between two periods of whole days (each {@code [from, toExclusive)}), with two
     * grouped queries.
     */
    public static TopMovers topMovers(
            QueryEngine engine,
            SeriesScope scope,
            Dimension dimension,
            LocalDate previousFrom,
            LocalDate previousToExclusive,
            LocalDate currentFrom,
            LocalDate currentToExclusive,
            int top) {
        Map<String, double[]> periods = new LinkedHashMap<>();
        LocalDate[][] ranges = {{previousFrom, previousToExclusive}, {currentFrom, currentToExclusive}};
        for (int p = 0; p < 2; p++) {
            TimeRange range = TimeRange.days(ranges[p][0], ranges[p][1]);
            QueryResult r =
                    engine.execute(scope.query().range(range).groupBy(dimension).build());
            for (QueryResult.Group g : r.groups()) {
                String value = g.key(0) == null ? DailySeries.NONE : g.key(0);
                periods.computeIfAbsent(value, v -> new double[2])[p] += g.value();
            }
        }
        return topMovers(
                dimension.label(),
                currentFrom,
                currentToExclusive.minusDays(1),
                previousFrom,
                previousToExclusive.minusDays(1),
                periods,
                top);
    }

    private static TopMovers topMovers(
            String dimension,
            LocalDate currentFrom,
            LocalDate currentTo,
            LocalDate previousFrom,
            LocalDate previousTo,
            Map<String, double[]> periods,
            int top) {
        List<TopMovers.Mover> all = new ArrayList<>();
        BigDecimal totalChange = BigDecimal.ZERO;
        for (Map.Entry<String, double[]> e : periods.entrySet()) {
            BigDecimal previous = money(e.getValue()[0]);
            BigDecimal current = money(e.getValue()[1]);
            BigDecimal change = current.subtract(previous);
            totalChange = totalChange.add(change);
            all.add(new TopMovers.Mover(e.getKey(), previous, current, change, 0));
        }
        all.sort(LARGEST_CHANGE_FIRST);
        List<TopMovers.Mover> movers = new ArrayList<>();
        BigDecimal otherPrevious = BigDecimal.ZERO;
        BigDecimal otherCurrent = BigDecimal.ZERO;
        for (int i = 0; i < all.size(); i++) {
            TopMovers.Mover m = all.get(i);
            if (i < top) {
                movers.add(new TopMovers.Mover(
                        m.value(), m.previous(), m.current(), m.change(), share(m.change(), totalChange)));
            } else {
                otherPrevious = otherPrevious.add(m.previous());
                otherCurrent = otherCurrent.add(m.current());
            }
        }
        BigDecimal otherChange = otherCurrent.subtract(otherPrevious);
        TopMovers.Mover others = new TopMovers.Mover(
                TopMovers.OTHERS, otherPrevious, otherCurrent, otherChange, share(otherChange, totalChange));
        return new TopMovers(dimension, currentFrom, currentTo, previousFrom, previousTo, totalChange, movers, others);
    }

    /** A period cost as a decimal of 6 places (a millionth of a currency unit), so changes add up exactly. */
    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    private static double share(BigDecimal change, BigDecimal total) {
        return total.signum() == 0
                ? 0
                : change.divide(total, MathContext.DECIMAL64).doubleValue();
    }
}
