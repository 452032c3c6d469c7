package dev.costagent.core.analysis.anomaly;

import dev.costagent.core.analysis.series.DailyCube;
import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.series.DailySeriesReader;
import dev.costagent.core.analysis.series.DayAxis;
import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains anomalies by sub-dimension values with ONE grouped query: {@code GROUP BY day, <scanned dimensions>,
 * <cause dimensions>} over the anomaly days and their baseline history. From that cube, the series of each cause value
 * within an anomalous value (e.g. each ResourceId within ServiceName = EC2) is rolled up, and each cause value is
 * ranked by its contribution: its actual cost on the day minus its own seasonal expectation (the detector's
 * baseline). Contributions in the direction of the impact are kept, the largest first. Past 200
 * values (tens of thousands of resources), a same-weekday proxy read from three days of each value preselects
 * 50, and only those get a full series and the exact baseline.
 */
final class RootCauseFinder {

    /** Causes by the size of their contribution, largest first. */
    private static final Comparator<RootCause> LARGEST_FIRST =
            (x, y) -> Double.compare(Math.abs(y.contribution()), Math.abs(x.contribution()));
    /** Past this many cause values, a cheap same-weekday proxy preselects candidates for the exact baseline. */
    private static final int EXACT_LIMIT = 200;

    private static final int PRESELECT = 50;

    private final QueryEngine engine;
    private final SeriesScope scope;
    private final List<Dimension> causeDimensions;
    private final int perDimension;
    private final int lookbackDays;

    RootCauseFinder(
            QueryEngine engine,
            SeriesScope scope,
            List<Dimension> causeDimensions,
            int perDimension,
            int lookbackDays) {
        this.engine = engine;
        this.scope = scope;
        this.causeDimensions = causeDimensions;
        this.perDimension = perDimension;
        this.lookbackDays = lookbackDays;
    }

    /** The anomalies with root causes, in the same order. */
    List<Anomaly> explain(List<Anomaly> anomalies, DayAxis axis) {
        if (anomalies.isEmpty() || perDimension == 0 || causeDimensions.isEmpty()) {
            return anomalies;
        }
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        LocalDate from = anomalies.get(0).date();
        LocalDate to = from;
        for (Anomaly a : anomalies) {
            if (!a.dimension().equals(DailySeries.TOTAL)) {
                dimensions.putIfAbsent(a.dimension(), Dimension.parse(a.dimension()));
            }
            from = a.date().isBefore(from) ? a.date() : from;
            to = a.date().isAfter(to) ? a.date() : to;
        }
        causeDimensions.forEach(d -> dimensions.putIfAbsent(d.label(), d));
        from = from.minusDays(lookbackDays);
        if (from.isBefore(axis.first())) {
            from = axis.first();
        }
        TimeRange window = intersect(scope.range(), TimeRange.days(from, to.plusDays(1)));
        DailyCube cube = new DailySeriesReader(engine, scope).cube(new ArrayList<>(dimensions.values()), window, axis);

        // Anomalies of one series on different days ask for the same roll-ups: each distinct one is coded once, and
        // a small one's series (every value ranked exactly) are built once too.
        Map<DailyCube.RollUp, Integer> requestIndex = new LinkedHashMap<>();
        for (Anomaly a : anomalies) {
            String within = a.dimension().equals(DailySeries.TOTAL) ? null : a.dimension();
            for (Dimension cause : causeDimensions) {
                if (!cause.label().equals(a.dimension())) {
                    requestIndex.putIfAbsent(
                            new DailyCube.RollUp(cause.label(), within, a.value()), requestIndex.size());
                }
            }
        }
        // each request's values coded once; a ranking sums only the days it reads (no series per value)
        List<DailyCube.Coded> coded = new ArrayList<>(requestIndex.size());
        for (DailyCube.RollUp request : requestIndex.keySet()) {
            coded.add(cube.coded(request));
        }
        double[][][] exactSeries = new double[coded.size()][][];
        List<Anomaly> out = new ArrayList<>(anomalies.size());
        for (Anomaly a : anomalies) {
            String within = a.dimension().equals(DailySeries.TOTAL) ? null : a.dimension();
            List<RootCause> causes = new ArrayList<>();
            for (Dimension cause : causeDimensions) {
                if (cause.label().equals(a.dimension())) {
                    continue;
                }
                int request = requestIndex.get(new DailyCube.RollUp(cause.label(), within, a.value()));
                causes.addAll(rank(a, cause.label(), cube, coded.get(request), axis, exactSeries, request));
            }
            causes.sort(LARGEST_FIRST);
            out.add(a.withRootCauses(causes));
        }
        return out;
    }

    /**
     * The largest causes of an anomaly in one dimension.
     *
     * @param exactSeries per request, the series of every value once a request small enough to rank exactly built
     *     them (they do not depend on the anomaly's day)
     */
    private List<RootCause> rank(
            Anomaly a,
            String causeDimension,
            DailyCube cube,
            DailyCube.Coded values,
            DayAxis axis,
            double[][][] exactSeries,
            int request) {
        int t = axis.indexOf(a.date());
        double direction = Math.signum(a.impact());
        int[] candidates;
        double[][] series;
        if (values.size() > EXACT_LIMIT) {
            // proxy: actual minus the mean of the same weekday over the previous two weeks; worked out once per
            // candidate from those three days alone, the largest first, ties in the values' order (a stable sort)
            int[] days = {t, t - 7, t - 14};
            double[] cells = cube.cells(values, days);
            double[] proxies = new double[values.size()];
            for (int i = 0; i < proxies.length; i++) {
                proxies[i] = proxy(cells, i * days.length, t) * direction;
            }
            candidates = largest(proxies, PRESELECT);
            series = cube.series(values, candidates);
        } else {
            candidates = new int[values.size()];
            for (int i = 0; i < candidates.length; i++) {
                candidates[i] = i;
            }
            if (exactSeries[request] == null) {
                exactSeries[request] = cube.series(values, candidates);
            }
            series = exactSeries[request];
        }
        SeasonalBaseline baseline = new SeasonalBaseline(lookbackDays);
        List<RootCause> causes = new ArrayList<>();
        for (int i = 0; i < candidates.length; i++) {
            double[] x = series[i];
            double expected = baseline.expected(x, t);
            if (Double.isNaN(expected)) {
                expected = 0;
            }
            double contribution = x[t] - expected;
            if (contribution * direction <= 0) {
                continue;
            }
            causes.add(new RootCause(
                    causeDimension,
                    values.values().get(candidates[i]),
                    x[t],
                    expected,
                    contribution,
                    a.impact() == 0 ? 0 : contribution / a.impact()));
        }
        causes.sort(LARGEST_FIRST);
        return causes.size() > perDimension ? causes.subList(0, perDimension) : causes;
    }

    /**
     * The indices of the {@code k} largest values (by {@link Double#compare}), largest first, ties in index order:
     * the first {@code k} of a stable descending sort, found in one pass that keeps the best {@code k} in order
     * (tens of thousands of candidates, of which a few dozen are kept).
     */
    static int[] largest(double[] values, int k) {
        int[] best = new int[Math.max(0, Math.min(k, values.length))];
        int size = 0;
        for (int i = 0; i < values.length && best.length > 0; i++) {
            // a later index never beats an equal value: it goes after every kept one that is not smaller
            if (size == best.length && Double.compare(values[i], values[best[size - 1]]) <= 0) {
                continue;
            }
            int at = size == best.length ? size - 1 : size++;
            while (at > 0 && Double.compare(values[i], values[best[at - 1]]) > 0) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = i;
        }
        return best;
    }

    /** The proxy from a value's cells of days t, t − 7 and t − 14 (at {@code at}, in that order). */
    private static double proxy(double[] cells, int at, int t) {
        double past = 0;
        int n = 0;
        for (int k = 1; k <= 2 && t - 7 * k >= 0; k++) {
            past += cells[at + k];
            n++;
        }
        return cells[at] - (n == 0 ? 0 : past / n);
    }

    private static TimeRange intersect(TimeRange a, TimeRange b) {
        Instant start = a.start().isAfter(b.start()) ? a.start() : b.start();
        Instant end = a.end().isBefore(b.end()) ? a.end() : b.end();
        return end.isBefore(start) ? new TimeRange(start, start) : new TimeRange(start, end);
    }
}
