package dev.costagent.core.analysis.anomaly;

import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.series.DayAxis;
import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.table.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Explains anomalies by sub-dimension values. For the anomalies of one scanned dimension D and one root-cause
 * dimension R it runs a single grouped query ({@code GROUP BY day, D, R} filtered to the anomalous values of D, over
 * the anomaly days and their baseline history), then ranks each R value by its contribution: its actual cost on the
 * day minus its own seasonal expectation (the same baseline as the detector's).
 */
final class RootCauseFinder {
    /** Past this many sub-series, a cheap same-weekday proxy preselects candidates for the exact baseline. */
    private static final int EXACT_LIMIT = 200;
    private static final int PRESELECT = 50;

    private final QueryEngine engine;
    private final SeriesScope scope;
    private final List<Dimension> causeDimensions;
    private final int perDimension;
    private final int lookbackDays;

    RootCauseFinder(QueryEngine engine, SeriesScope scope, List<Dimension> causeDimensions, int perDimension,
            int lookbackDays) {
        this.engine = engine;
        this.scope = scope;
        this.causeDimensions = causeDimensions;
        this.perDimension = perDimension;
        this.lookbackDays = lookbackDays;
    }

    /** The anomalies with root causes, in the same order. */
    List<Anomaly> explain(List<Anomaly> anomalies, DayAxis axis, Executor executor) {
        if (anomalies.isEmpty() || perDimension == 0 || causeDimensions.isEmpty()) {
            return anomalies;
        }
        // one query per (scanned dimension, cause dimension) pair
        Map<String, List<Anomaly>> byDimension = new LinkedHashMap<>();
        anomalies.forEach(a -> byDimension.computeIfAbsent(a.dimension(), d -> new ArrayList<>()).add(a));
        Map<String, Map<String, CompletableFuture<SubSeries>>> pending = new LinkedHashMap<>();
        byDimension.forEach((dimension, list) -> {
            Map<String, CompletableFuture<SubSeries>> perCause = new LinkedHashMap<>();
            for (Dimension cause : causeDimensions) {
                if (cause.label().equals(dimension)) {
                    continue;
                }
                perCause.put(cause.label(),
                        CompletableFuture.supplyAsync(() -> query(dimension, list, cause, axis), executor));
            }
            pending.put(dimension, perCause);
        });
        List<Anomaly> out = new ArrayList<>(anomalies.size());
        for (Anomaly a : anomalies) {
            List<RootCause> causes = new ArrayList<>();
            for (Map.Entry<String, CompletableFuture<SubSeries>> e : pending.get(a.dimension()).entrySet()) {
                causes.addAll(rank(a, e.getKey(), e.getValue().join(), axis));
            }
            causes.sort((x, y) -> Double.compare(Math.abs(y.contribution()), Math.abs(x.contribution())));
            out.add(a.withRootCauses(causes));
        }
        return out;
    }

    /** Sub-series of the cause dimension per anomalous value of the scanned dimension, on the main axis. */
    private SubSeries query(String dimension, List<Anomaly> list, Dimension cause, DayAxis axis) {
        LocalDate from = list.get(0).date();
        LocalDate to = from;
        Set<String> values = new LinkedHashSet<>();
        for (Anomaly a : list) {
            from = a.date().isBefore(from) ? a.date() : from;
            to = a.date().isAfter(to) ? a.date() : to;
            values.add(DailySeries.NONE.equals(a.value()) ? null : a.value());
        }
        from = from.minusDays(lookbackDays);
        if (from.isBefore(axis.first())) {
            from = axis.first();
        }
        CostQuery.Builder q = scope.query().range(intersect(scope.range(), TimeRange.days(from, to.plusDays(1))));
        boolean total = DailySeries.TOTAL.equals(dimension);
        if (total) {
            q.groupBy(Dimension.DAY, cause);
        } else {
            Dimension scanned = Dimension.parse(dimension);
            q.groupBy(Dimension.DAY, scanned, cause).filter(new Filter(scanned, values, false));
        }
        QueryResult result = engine.execute(q.build());
        Map<String, Map<String, double[]>> byValue = new HashMap<>();
        Map<String, Integer> dayIndex = new HashMap<>();
        for (QueryResult.Group g : result.groups()) {
            String dayKey = g.key(0);
            if (dayKey == null) {
                continue;
            }
            int day = dayIndex.computeIfAbsent(dayKey, k -> axis.indexOf(LocalDate.parse(k)));
            if (day < 0) {
                continue;
            }
            String value = total ? DailySeries.TOTAL : nonNull(g.key(1));
            String causeValue = nonNull(g.key(total ? 1 : 2));
            byValue.computeIfAbsent(value, v -> new LinkedHashMap<>())
                    .computeIfAbsent(causeValue, c -> new double[axis.days()])[day] += g.value();
        }
        return new SubSeries(byValue);
    }

    private List<RootCause> rank(Anomaly a, String causeDimension, SubSeries sub, DayAxis axis) {
        Map<String, double[]> series = sub.byValue().getOrDefault(a.value(), Map.of());
        int t = axis.indexOf(a.date());
        double direction = Math.signum(a.impact());
        List<Map.Entry<String, double[]>> candidates = new ArrayList<>(series.entrySet());
        if (candidates.size() > EXACT_LIMIT) {
            // proxy: actual minus the mean of the same weekday over the previous two weeks
            candidates.sort((x, y) -> Double.compare(proxy(y.getValue(), t) * direction,
                    proxy(x.getValue(), t) * direction));
            candidates = candidates.subList(0, PRESELECT);
        }
        SeasonalBaseline baseline = new SeasonalBaseline(lookbackDays);
        List<RootCause> causes = new ArrayList<>();
        for (Map.Entry<String, double[]> e : candidates) {
            double[] x = e.getValue();
            double expected = baseline.expected(x, t);
            if (Double.isNaN(expected)) {
                expected = 0;
            }
            double contribution = x[t] - expected;
            if (contribution * direction <= 0) {
                continue;
            }
            causes.add(new RootCause(causeDimension, e.getKey(), x[t], expected, contribution,
                    a.impact() == 0 ? 0 : contribution / a.impact()));
        }
        causes.sort((x, y) -> Double.compare(Math.abs(y.contribution()), Math.abs(x.contribution())));
        return causes.size() > perDimension ? causes.subList(0, perDimension) : causes;
    }

    private static double proxy(double[] x, int t) {
        double past = 0;
        int n = 0;
        for (int k = 1; k <= 2 && t - 7 * k >= 0; k++) {
            past += x[t - 7 * k];
            n++;
        }
        return x[t] - (n == 0 ? 0 : past / n);
    }

    private static String nonNull(String value) {
        return value == null ? DailySeries.NONE : value;
    }

    private static TimeRange intersect(TimeRange a, TimeRange b) {
        Instant start = a.start().isAfter(b.start()) ? a.start() : b.start();
        Instant end = a.end().isBefore(b.end()) ? a.end() : b.end();
        return end.isBefore(start) ? new TimeRange(start, start) : new TimeRange(start, end);
    }

    /** Cause series keyed by scanned value, then cause value. */
    private record SubSeries(Map<String, Map<String, double[]>> byValue) {}
}
