package dev.costagent.core.analysis.anomaly;

import dev.costagent.core.analysis.fork.Fork;
import dev.costagent.core.analysis.series.DailyCube;
import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.series.DailySeriesReader;
import dev.costagent.core.analysis.series.DayAxis;
import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * Explains anomalies by sub-dimension values: each cause value within an anomalous value (e.g. each ResourceId within
 * ServiceName = EC2) is ranked by its contribution, its actual cost on the day minus its own seasonal expectation
 * (the detector's baseline). Contributions in the direction of the impact are kept, the largest first.
 *
 * <p>Where the series come from depends on what a query costs the engine ({@link QueryEngine#prefersFewerQueries}).
 * Where every query is a pass over files or a cluster's job (DuckDB, Spark), one {@code GROUP BY day, <anomalous
 * dimensions>, <cause dimensions>} over the anomaly window serves every request. On the in-memory table, where a pass
 * is cheap and the groups are what costs (that cube is 100,000+ groups at 50,000 resources, most of the stage's
 * time), no query groups by every cause at once:
 * <ul>
 *   <li>a cause among the scanned dimensions is rolled up from the scan's own cube ({@code GROUP BY day, D1, D2,
 *       D3}), already read;</li>
 *   <li>a cause the engine counts 200 values or fewer in ({@link QueryEngine#distinctValues}: SKUs) is read whole
 *       over the window, started beside the next query: one unfiltered cube for the total's request and those within
 *       the anomalous dimensions of fewest values (while it stays small), one query filtered on the anomalous values
 *       for each other anomalous dimension;</li>
 *   <li>the other causes (ResourceId) are read together on the days the proxy needs only, the anomaly days
 *       and the same weekdays one and two weeks before ({@code GROUP BY day, <anomalous dimensions>, <causes>} with
 *       a filter on those days). A request with more than 200 values there is ranked by the proxy (actual minus the
 *       mean of the same weekday over the previous two weeks), and only its 50 best candidates get a full series and
 *       the exact baseline, from one more query per cause restricted to them. A request with fewer values, or with
 *       fewer than 50 values moving the way of the impact on those days, is read whole over the window (one query
 *       per cause and anomalous dimension, filtered on the anomalous values) and ranked as a scanned cause is: every
 *       value exactly, or by the proxy over all of them past 200.</li>
 * </ul>
 * Both plans give the same causes (RootCauseSourcesTest), their sums equal to the last bits.
 *
 * <p>Written without lambdas or method references, as the rest of the analyses' path: it runs once per process, and
 * each lambda's first call links a method handle, a few tenths of a millisecond of interpreted code each (about a
 * tenth of the analyses stage's main thread in all, docs/performance.md).
 */
final class RootCauseFinder {

    /**
     * Causes by the size of their contribution to the millionth of a currency unit, largest first. Equal ones (a
     * service with one SKU: the service and its SKU explain the same cost) keep their order, the cause dimensions'
     * order: their sums come from different queries, and the last bits of a sum, which depend on the order an engine
     * adds rows in, must not decide which comes first.
     */
    private static final Comparator<RootCause> LARGEST_FIRST = new Comparator<>() {
        @Override
        public int compare(RootCause x, RootCause y) {
            return Long.compare(micros(y.contribution()), micros(x.contribution()));
        }
    };
    /** Past this many cause values, a cheap same-weekday proxy preselects candidates for the exact baseline. */
    private static final int EXACT_LIMIT = 200;

    private static final int PRESELECT = 50;
    /**
     * The most groups one unfiltered cube of a few-valued cause and some anomalous dimensions may hold to serve their
     * requests together, bounded by days × the values of each dimension (the cube holds only the combinations present,
     * often far fewer): each request read apart is a pass over every row, which at a million rows costs about what
     * sorting and rolling up this many groups does.
     */
    private static final long SHARED_CUBE_GROUPS = 32_768;

    private final QueryEngine engine;
    private final SeriesScope scope;
    private final List<Dimension> causeDimensions;
    private final int perDimension;
    private final int lookbackDays;
    /** Where the reads that follow the proxy-day cube run side by side (the candidates' and the whole reads). */
    private final Executor executor;

    RootCauseFinder(
            QueryEngine engine,
            SeriesScope scope,
            List<Dimension> causeDimensions,
            int perDimension,
            int lookbackDays,
            Executor executor) {
        this.engine = engine;
        this.scope = scope;
        this.causeDimensions = causeDimensions;
        this.perDimension = perDimension;
        this.lookbackDays = lookbackDays;
        this.executor = executor;
    }

    /**
     * The anomalies with root causes, in the same order.
     *
     * @param scanned the scan's cube of the scope's rows by day and the scanned dimensions over the whole axis, whose
     *     roll-ups serve the causes among those dimensions; {@code null} to query every cause
     */
    List<Anomaly> explain(List<Anomaly> anomalies, DayAxis axis, DailyCube scanned) {
        if (anomalies.isEmpty() || perDimension == 0 || causeDimensions.isEmpty()) {
            return anomalies;
        }
        LocalDate from = anomalies.get(0).date();
        LocalDate to = from;
        for (Anomaly a : anomalies) {
            from = a.date().isBefore(from) ? a.date() : from;
            to = a.date().isAfter(to) ? a.date() : to;
        }
        from = from.minusDays(lookbackDays);
        if (from.isBefore(axis.first())) {
            from = axis.first();
        }
        TimeRange window = intersect(scope.range(), TimeRange.days(from, to.plusDays(1)));
        if (engine.prefersFewerQueries()) {
            // an engine whose every query is a pass over files or a cluster's job: one cube of every dimension
            // over the window serves every request
            Map<String, Dimension> dimensions = new LinkedHashMap<>();
            for (Anomaly a : anomalies) {
                Dimension within = withinDimension(a);
                if (within != null) {
                    dimensions.putIfAbsent(within.label(), within);
                }
            }
            for (Dimension d : causeDimensions) {
                dimensions.putIfAbsent(d.label(), d);
            }
            scanned = new DailySeriesReader(engine, scope).cube(new ArrayList<>(dimensions.values()), window, axis);
        }
        Sources sources = new Sources(anomalies, axis, window, scanned);
        List<Anomaly> out = new ArrayList<>(anomalies.size());
        for (Anomaly a : anomalies) {
            List<RootCause> causes = new ArrayList<>();
            for (Dimension cause : causeDimensions) {
                if (!cause.label().equals(a.dimension())) {
                    causes.addAll(sources.rank(a, cause));
                }
            }
            causes.sort(LARGEST_FIRST);
            out.add(a.withRootCauses(causes));
        }
        return out;
    }

    private static long micros(double contribution) {
        return Math.round(Math.abs(contribution) * 1e6);
    }

    /** The dimension of an anomaly's series, null for the total. */
    private static Dimension withinDimension(Anomaly a) {
        return a.dimension().equals(DailySeries.TOTAL) ? null : Dimension.parse(a.dimension());
    }

    /** Adds a dimension to a list unless it is null or already there. */
    private static void addOnce(List<Dimension> dimensions, Dimension d) {
        if (d != null && !dimensions.contains(d)) {
            dimensions.add(d);
        }
    }

    /** The roll-up of one cause dimension within an anomaly's series. */
    private static DailyCube.RollUp request(Anomaly a, Dimension cause) {
        String within = a.dimension().equals(DailySeries.TOTAL) ? null : a.dimension();
        return new DailyCube.RollUp(cause.label(), within, a.value());
    }

    /** The proxy's days for day index {@code t}: t, t − 7 and t − 14, in that order. */
    private static int[] proxyDays(int t) {
        return new int[] {t, t - 7, t - 14};
    }

    /**
     * Where each request's values and series are read, each query run once for all the anomalies that need it:
     * the scanned cube, the proxy-day cube of the causes read apart, a cause's candidate cube, and a request's whole
     * cube.
     */
    private final class Sources {
        private final DayAxis axis;
        private final TimeRange window;
        private final DailyCube scanned;
        private final DailySeriesReader reader;
        /** Per cause dimension read apart, the candidates chosen from the proxy-day cube. */
        private final Map<String, ProxyCandidates> proxyCandidates = new HashMap<>();
        /** Per request read whole, its cube's coding of the request. */
        private final Map<DailyCube.RollUp, Coding> whole = new HashMap<>();
        /** Per cause and anomalous dimension, the cube of the requests read whole. */
        private final Map<String, Fork<DailyCube>> wholeCubes = new HashMap<>();
        /** The requests read whole: those of a cause of few values, and those their proxy chose to. */
        private final Set<DailyCube.RollUp> wholeRequests = new LinkedHashSet<>();
        /** Per request of a small or whole-read cube, the series of every value, built once for all its anomalies. */
        private final Map<DailyCube.RollUp, double[][]> exactSeries = new HashMap<>();
        /** The scanned cube's coding of each request, once. */
        private final Map<DailyCube.RollUp, Coding> scannedCodings = new HashMap<>();
        /**
         * Per few-valued cause, the anomalous dimensions of its shared cube: one unfiltered {@code GROUP BY day,
         * <those dimensions>, cause} serving the requests within any of them and the total's (see {@link
         * #shareCubes}); absent for a cause whose requests are read apart.
         */
        private final Map<String, List<Dimension>> sharedDimensions = new HashMap<>();

        Sources(List<Anomaly> anomalies, DayAxis axis, TimeRange window, DailyCube scanned) {
            this.axis = axis;
            this.window = window;
            this.scanned = scanned;
            this.reader = new DailySeriesReader(engine, scope);
            // The causes read apart (not in the scanned cube), and the anomalies asking about each. A cause of few
            // values in all (the engine counts 200 or fewer: SKUs) has at most that many in any request, which is
            // read whole whatever the proxy says: those reads start now, beside the proxy-day query.
            Map<String, List<Anomaly>> askedApart = new LinkedHashMap<>();
            List<DailyCube.RollUp> fewValued = new ArrayList<>();
            for (Anomaly a : anomalies) {
                for (Dimension cause : causeDimensions) {
                    DailyCube.RollUp request = request(a, cause);
                    if (cause.label().equals(a.dimension()) || fromScanned(request)) {
                        continue;
                    }
                    if (engine.distinctValues(cause).orElse(Long.MAX_VALUE) <= EXACT_LIMIT) {
                        wholeRequests.add(request);
                        fewValued.add(request);
                    } else {
                        List<Anomaly> asking = askedApart.get(cause.label());
                        if (asking == null) {
                            asking = new ArrayList<>();
                            askedApart.put(cause.label(), asking);
                        }
                        asking.add(a);
                    }
                }
            }
            shareCubes(fewValued);
            for (DailyCube.RollUp request : fewValued) {
                wholeCube(request);
            }
            if (askedApart.isEmpty()) {
                return;
            }
            // one proxy-day cube for every cause read apart: GROUP BY day, <anomalous dimensions>, <those causes>
            List<Dimension> within = new ArrayList<>();
            List<Dimension> causes = new ArrayList<>();
            Set<String> days = new TreeSet<>();
            for (Dimension cause : causeDimensions) {
                List<Anomaly> asking = askedApart.get(cause.label());
                if (asking == null) {
                    continue;
                }
                causes.add(cause);
                for (Anomaly a : asking) {
                    addOnce(within, withinDimension(a));
                    for (int d : proxyDays(axis.indexOf(a.date()))) {
                        if (d >= 0) {
                            days.add(axis.day(d).toString());
                        }
                    }
                }
            }
            List<Dimension> dimensions = new ArrayList<>(within);
            for (Dimension cause : causes) {
                addOnce(dimensions, cause);
            }
            DailyCube proxyCube =
                    reader.cube(dimensions, window, axis, List.of(new Filter(Dimension.DAY, days, false)));
            for (Dimension cause : causes) {
                proxyCandidates.put(
                        cause.label(), new ProxyCandidates(cause, askedApart.get(cause.label()), proxyCube));
            }
            // Every request has chosen, so every further read is known: they start together, the last needed first,
            // so that the executor's threads take those while this thread runs the first ones itself (a fork no
            // thread has started runs on the thread that joins it) and ranks from them as they come.
            List<Runnable> reads = new ArrayList<>();
            Set<Object> seen = new HashSet<>();
            for (Anomaly a : anomalies) {
                for (Dimension cause : causeDimensions) {
                    DailyCube.RollUp request = request(a, cause);
                    if (cause.label().equals(a.dimension()) || fromScanned(request)) {
                        continue;
                    }
                    ProxyCandidates proxy = proxyCandidates.get(cause.label());
                    if (proxy == null) {
                        continue; // a cause of few values, already being read
                    }
                    if (proxy.candidates(request, axis.indexOf(a.date()), Math.signum(a.impact())) != null) {
                        if (seen.add(proxy)) {
                            reads.add(proxy);
                        }
                    } else if (seen.add(wholeKey(request))) {
                        reads.add(new WholeRead(request));
                    }
                }
            }
            for (int i = reads.size() - 1; i >= 0; i--) {
                reads.get(i).run();
            }
        }

        /**
         * Chooses, per few-valued cause, the anomalous dimensions one unfiltered cube serves together with the total's
         * request: the dimensions with the fewest values first, while the cube's bound (days × the values of the cause
         * and of each dimension, as the engine counts them) stays within {@link #SHARED_CUBE_GROUPS}. A cube serving
         * two requests or more replaces that many passes over the rows with one (SKUs within the total, within a
         * service and within a region: one query instead of three). Its series are roll-ups of its groups' sums, equal
         * to a request's own query up to the last bits of a sum.
         */
        private void shareCubes(List<DailyCube.RollUp> fewValued) {
            Map<String, Set<String>> withinsOfCause = new LinkedHashMap<>();
            for (DailyCube.RollUp r : fewValued) {
                Set<String> withins = withinsOfCause.get(r.dimension());
                if (withins == null) {
                    withins = new LinkedHashSet<>();
                    withinsOfCause.put(r.dimension(), withins);
                }
                withins.add(r.within());
            }
            for (Map.Entry<String, Set<String>> e : withinsOfCause.entrySet()) {
                // a few-valued cause: the engine counted its values (200 or fewer)
                long bound = (long) axis.days()
                        * engine.distinctValues(Dimension.parse(e.getKey())).orElseThrow();
                List<Dimension> candidates = new ArrayList<>();
                Map<Dimension, Long> values = new HashMap<>();
                for (String within : e.getValue()) {
                    if (within != null) {
                        Dimension d = Dimension.parse(within);
                        OptionalLong counted = engine.distinctValues(d);
                        if (counted.isPresent()) {
                            values.put(d, Math.max(1, counted.getAsLong()));
                            candidates.add(d);
                        }
                    }
                }
                candidates.sort(new Comparator<>() {
                    @Override
                    public int compare(Dimension x, Dimension y) {
                        return Long.compare(values.get(x), values.get(y));
                    }
                });
                List<Dimension> shared = new ArrayList<>();
                for (Dimension d : candidates) {
                    if (bound > SHARED_CUBE_GROUPS / values.get(d)) {
                        break;
                    }
                    bound *= values.get(d);
                    shared.add(d);
                }
                int served = shared.size() + (e.getValue().contains(null) ? 1 : 0);
                if (bound <= SHARED_CUBE_GROUPS && served >= 2) {
                    sharedDimensions.put(e.getKey(), shared);
                }
            }
        }

        /** Whether the scanned cube holds both dimensions of a request. */
        private boolean fromScanned(DailyCube.RollUp request) {
            return scanned != null
                    && scanned.has(request.dimension())
                    && (request.within() == null || scanned.has(request.within()));
        }

        /** The largest causes of an anomaly in one dimension. */
        List<RootCause> rank(Anomaly a, Dimension cause) {
            DailyCube.RollUp request = request(a, cause);
            int t = axis.indexOf(a.date());
            double direction = Math.signum(a.impact());
            if (fromScanned(request)) {
                Coding coding = scannedCodings.get(request);
                if (coding == null) {
                    coding = new Coding(scanned, request);
                    scannedCodings.put(request, coding);
                }
                return rankAll(a, request, coding, t);
            }
            ProxyCandidates proxy = proxyCandidates.get(cause.label());
            Candidates candidates = proxy == null ? null : proxy.candidates(request, t, direction);
            if (candidates == null) {
                Coding coding = whole.get(request);
                if (coding == null) {
                    coding = new Coding(wholeCube(request).join(), request);
                    whole.put(request, coding);
                }
                return rankAll(a, request, coding, t);
            }
            return contributions(a, request.dimension(), candidates.values, proxy.series(request, candidates), t);
        }

        /** A request ranked from a cube holding every value of it over the window. */
        private List<RootCause> rankAll(Anomaly a, DailyCube.RollUp request, Coding coding, int t) {
            double direction = Math.signum(a.impact());
            DailyCube cube = coding.cube;
            DailyCube.Coded values = coding.coded;
            if (values.size() > EXACT_LIMIT) {
                // proxy: actual minus the mean of the same weekday over the previous two weeks; worked out once per
                // candidate from those three days alone, the largest first, ties in the values' order (a stable sort)
                int[] candidates = largest(proxies(cube, values, t, direction), PRESELECT);
                return contributions(
                        a, request.dimension(), namesOf(values, candidates), cube.series(values, candidates), t);
            }
            double[][] series = exactSeries.get(request);
            if (series == null) {
                int[] all = new int[values.size()];
                for (int i = 0; i < all.length; i++) {
                    all[i] = i;
                }
                series = cube.series(values, all);
                exactSeries.put(request, series);
            }
            return contributions(a, request.dimension(), values.values(), series, t);
        }

        /** The read of the cube holding a request read whole, started on the first call. */
        private Fork<DailyCube> wholeCube(DailyCube.RollUp request) {
            List<Dimension> shared = sharedDimensions.get(request.dimension());
            if (shared != null && (request.within() == null || labelled(shared, request.within()))) {
                String key = "shared\n" + request.dimension();
                Fork<DailyCube> read = wholeCubes.get(key);
                if (read == null) {
                    List<Dimension> dimensions = new ArrayList<>(shared);
                    dimensions.add(Dimension.parse(request.dimension()));
                    read = new Fork<>(new CubeRead(dimensions, List.of()), executor);
                    wholeCubes.put(key, read);
                }
                return read;
            }
            // one query for every request read whole with the same cause and anomalous dimension: its rows are those
            // of any of their anomalous values, so the count of queries does not grow with the anomalies
            String key = wholeKey(request);
            Fork<DailyCube> read = wholeCubes.get(key);
            if (read == null) {
                List<Dimension> dimensions = new ArrayList<>();
                List<Filter> filters = new ArrayList<>();
                if (request.within() != null) {
                    Dimension within = Dimension.parse(request.within());
                    dimensions.add(within);
                    List<String> values = new ArrayList<>();
                    for (DailyCube.RollUp r : wholeRequests) {
                        if (r.dimension().equals(request.dimension())
                                && request.within().equals(r.within())) {
                            values.add(r.withinValue());
                        }
                    }
                    filters.add(new Filter(within, keysOf(values), false));
                }
                dimensions.add(Dimension.parse(request.dimension()));
                read = new Fork<>(new CubeRead(dimensions, filters), executor);
                wholeCubes.put(key, read);
            }
            return read;
        }

        /** Whether a dimension of the list has the label. */
        private static boolean labelled(List<Dimension> dimensions, String label) {
            for (Dimension d : dimensions) {
                if (d.label().equals(label)) {
                    return true;
                }
            }
            return false;
        }

        /** The start of a request's whole read (see {@link #wholeCube}). */
        private final class WholeRead implements Runnable {
            private final DailyCube.RollUp request;

            WholeRead(DailyCube.RollUp request) {
                this.request = request;
            }

            @Override
            public void run() {
                wholeCube(request);
            }
        }

        /** A cube over the window, read on the executor. */
        private final class CubeRead implements Callable<DailyCube> {
            private final List<Dimension> dimensions;
            private final List<Filter> filters;

            CubeRead(List<Dimension> dimensions, List<Filter> filters) {
                this.dimensions = dimensions;
                this.filters = filters;
            }

            @Override
            public DailyCube call() {
                return reader.cube(dimensions, window, axis, filters);
            }
        }

        /**
         * One cause dimension read apart: the candidates each request's proxy chooses from the proxy-day cube, then
         * (once every request has chosen) their series over the window, from one {@code GROUP BY day, <anomalous
         * dimensions>, cause} restricted to them.
         */
        private final class ProxyCandidates implements Runnable {
            private final Dimension cause;
            private final List<Dimension> withinDimensions = new ArrayList<>();
            private final DailyCube cube;
            /** Per request and anomaly day, the candidates (null: read the request whole). */
            private final Map<DailyCube.RollUp, Map<Integer, Candidates>> chosen = new HashMap<>();

            private final Map<DailyCube.RollUp, DailyCube.Coded> coded = new HashMap<>();

            /** The candidates' cube, once every request has chosen ({@link #readCandidates}); null for none. */
            private Fork<DailyCube> candidateCube;

            ProxyCandidates(Dimension cause, List<Anomaly> asking, DailyCube proxyCube) {
                this.cause = cause;
                this.cube = proxyCube;
                for (Anomaly a : asking) {
                    addOnce(withinDimensions, withinDimension(a));
                }
                // every request chooses before the candidates' query, which reads them all at once
                for (Anomaly a : asking) {
                    candidates(request(a, cause), axis.indexOf(a.date()), Math.signum(a.impact()));
                }
            }

            /**
             * The candidates of a request for one anomaly, chosen by the proxy from this cube; null when the request
             * must be read whole (200 values or fewer on these days, or fewer than 50 moving the impact's way).
             */
            Candidates candidates(DailyCube.RollUp request, int t, double direction) {
                Map<Integer, Candidates> byDay = chosen.get(request);
                if (byDay == null) {
                    byDay = new HashMap<>();
                    chosen.put(request, byDay);
                }
                if (!byDay.containsKey(t)) {
                    Candidates chosenNow = choose(request, t, direction);
                    byDay.put(t, chosenNow);
                    if (chosenNow == null) {
                        wholeRequests.add(request);
                    }
                }
                return byDay.get(t);
            }

            private Candidates choose(DailyCube.RollUp request, int t, double direction) {
                DailyCube.Coded values = coded.get(request);
                if (values == null) {
                    values = cube.coded(request);
                    coded.put(request, values);
                }
                if (values.size() <= EXACT_LIMIT) {
                    return null;
                }
                double[] proxies = proxies(cube, values, t, direction);
                int moving = 0;
                for (double proxy : proxies) {
                    moving += proxy > 0 ? 1 : 0;
                }
                // a value absent on all three days has a proxy of 0, as those read whole do: with 50 or more above
                // 0, none of them can be a candidate
                if (moving < PRESELECT) {
                    return null;
                }
                return new Candidates(namesOf(values, largest(proxies, PRESELECT)));
            }

            /** {@link #readCandidates}, as one of the reads that follow the proxy-day cube. */
            @Override
            public void run() {
                readCandidates();
            }

            /** Starts the read of every request's candidates' series over the window, in one query. */
            void readCandidates() {
                Set<String> all = new LinkedHashSet<>();
                for (Map<Integer, Candidates> byDay : chosen.values()) {
                    for (Candidates c : byDay.values()) {
                        if (c != null) {
                            all.addAll(c.values);
                        }
                    }
                }
                if (all.isEmpty()) {
                    return;
                }
                List<Dimension> dimensions = new ArrayList<>(withinDimensions);
                dimensions.add(cause);
                Filter toCandidates = new Filter(cause, keysOf(all), false);
                candidateCube = new Fork<>(new CubeRead(dimensions, List.of(toCandidates)), executor);
            }

            /** The candidates' series over the window, from the one query of every request's candidates. */
            double[][] series(DailyCube.RollUp request, Candidates candidates) {
                DailyCube.Coded values = candidateCube.join().coded(request);
                Map<String, Integer> codeOf = new HashMap<>();
                for (int i = 0; i < values.size(); i++) {
                    codeOf.put(values.values().get(i), i);
                }
                int[] codes = new int[candidates.values.size()];
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = codeOf.get(candidates.values.get(i));
                }
                return candidateCube.join().series(values, codes);
            }
        }
    }

    /** The requests read whole in one cube: those of the same cause and anomalous dimension. */
    private static String wholeKey(DailyCube.RollUp request) {
        return request.dimension() + "\n" + request.within();
    }

    /** A cube and its coding of one request. */
    private static final class Coding {
        final DailyCube cube;
        final DailyCube.Coded coded;

        Coding(DailyCube cube, DailyCube.RollUp request) {
            this.cube = cube;
            this.coded = cube.coded(request);
        }
    }

    /** The values a request's proxy chose for the exact baseline, best first. */
    private static final class Candidates {
        final List<String> values;

        Candidates(List<String> values) {
            this.values = values;
        }
    }

    /**
     * The keys a filter needs to keep the rows of cube values: a cube shows a row without a value as
     * {@link DailySeries#NONE}, so that value keeps both the rows without one and any that say so.
     */
    private static Set<String> keysOf(Collection<String> cubeValues) {
        Set<String> keys = new LinkedHashSet<>(cubeValues);
        if (keys.contains(DailySeries.NONE)) {
            keys.add(null);
        }
        return keys;
    }

    /** The causes among the given values and their series, those moving the impact's way, the largest first. */
    private List<RootCause> contributions(
            Anomaly a, String causeDimension, List<String> values, double[][] series, int t) {
        double direction = Math.signum(a.impact());
        SeasonalBaseline baseline = new SeasonalBaseline(lookbackDays);
        List<RootCause> causes = new ArrayList<>();
        for (int i = 0; i < series.length; i++) {
            double[] x = series[i];
            double expected = baseline.expected(x, t);
            if (Double.isNaN(expected)) {
                expected = 0;
            }
            double contribution = x[t] - expected;
            // below a millionth of a currency unit a contribution is the rounding of sums, not a cause
            if (contribution * direction <= 0 || micros(contribution) == 0) {
                continue;
            }
            causes.add(new RootCause(
                    causeDimension,
                    values.get(i),
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

    /**
     * Each value's proxy in the impact's direction: its cost on day {@code t} minus the mean of the same weekday over
     * the two weeks before, from those three days of the cube alone.
     */
    private static double[] proxies(DailyCube cube, DailyCube.Coded values, int t, double direction) {
        int[] days = proxyDays(t);
        double[] cells = cube.cells(values, days);
        double[] proxies = new double[values.size()];
        for (int i = 0; i < proxies.length; i++) {
            proxies[i] = proxy(cells, i * days.length, t) * direction;
        }
        return proxies;
    }

    /** The values of the given codes, in that order. */
    private static List<String> namesOf(DailyCube.Coded values, int[] codes) {
        List<String> names = new ArrayList<>(codes.length);
        for (int c : codes) {
            names.add(values.values().get(c));
        }
        return names;
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
