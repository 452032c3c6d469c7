package dev.costagent.core.analysis;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.analysis.anomaly.AnomalyDetector;
import dev.costagent.core.analysis.anomaly.AnomalyScan;
import dev.costagent.core.analysis.anomaly.PartialDay;
import dev.costagent.core.analysis.commitment.CommitmentAnalyzer;
import dev.costagent.core.analysis.commitment.CommitmentReport;
import dev.costagent.core.analysis.forecast.Forecast;
import dev.costagent.core.analysis.forecast.Forecaster;
import dev.costagent.core.analysis.fork.Fork;
import dev.costagent.core.analysis.series.DailyCube;
import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.series.DailySeriesReader;
import dev.costagent.core.analysis.series.DailySeriesSet;
import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.analysis.trend.Breakdown;
import dev.costagent.core.analysis.trend.TrendAnalyzer;
import dev.costagent.core.analysis.trend.Trends;
import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.Metric;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs every default analysis over a {@link QueryEngine} and returns an {@link AnalysisReport}.
 *
 * <p>Queries: one {@code GROUP BY day, D1, D2, D3} over the analysed dimensions (default ServiceName, SubAccountId,
 * RegionId; the total, breakdowns, trends, forecast and anomaly scan are all rolled up from it), one by day for the
 * invoice forecast (BilledCost, every charge category) and one for commitments (ListCost for coverage,
 * EffectiveCost for utilization), these two run beside the first on the executor (or on the caller's thread when no
 * executor thread takes them first, so a saturated executor cannot deadlock a run), and one more for root causes
 * only when there are anomalies. Immutable and thread-safe: one analyzer may serve many concurrent
 * {@link #analyze} calls on one engine.
 *
 * <pre>{@code
 * AnalysisReport report = Analyzer.builder().sensitivity(Sensitivity.HIGH).build().analyze(table);
 * }</pre>
 */
public final class Analyzer {
    private final SeriesScope scope;
    private final AnomalyDetector detector;
    private final Forecaster forecaster;
    private final TrendAnalyzer trends;
    private final CommitmentAnalyzer commitments;
    private final Executor executor;

    private Analyzer(Builder b) {
        this.scope = b.scope;
        this.detector = b.detector;
        this.forecaster = b.forecaster;
        this.trends = b.trends;
        this.commitments = b.commitments;
        this.executor = b.executor;
    }

    /** A builder with the defaults: Usage rows, EffectiveCost, MEDIUM sensitivity, a 30-day forecast. */
    public static Builder builder() {
        return new Builder();
    }

    /** An analyzer with the defaults. */
    public static Analyzer defaults() {
        return builder().build();
    }

    /** Runs every analysis. */
    public AnalysisReport analyze(QueryEngine engine) {
        return analyze(engine, () -> {});
    }

    /**
     * Runs every analysis, and {@code mainSeriesRead} on the calling thread as soon as the main series are read: from
     * there on the analyses run mostly on this one thread (the partial-day check, the anomaly scan, the root-cause
     * cube), so a caller can start other work of its own on another core, in code the main series' query has warmed.
     * The agent starts the recommendation rules' shared queries there.
     */
    public AnalysisReport analyze(QueryEngine engine, Runnable mainSeriesRead) {
        requireNonNull(engine, "engine");
        requireNonNull(mainSeriesRead, "mainSeriesRead");
        // The root causes' columns (ids of 50,000 resources to order) made ready on another core first, needed from
        // the middle of the analyses on: a hint, never awaited, whose work those queries would otherwise do on this
        // thread.
        try {
            executor.execute(() -> {
                try {
                    engine.prepare(detector.rootCauseDimensions());
                } catch (RuntimeException hintFailed) {
                    // changes no answer: the queries do the work themselves, and report what is wrong with the data
                }
            });
        } catch (RejectedExecutionException full) {
            // a busy executor: the queries do the work themselves
        }
        // Conditional FOCUS columns may be absent: a check that needs one is skipped with a warning naming both.
        AtomicReference<String> commitmentSkip = new AtomicReference<>();
        List<String> warnings = new ArrayList<>();
        AnomalyDetector detector = this.detector;
        DailySeriesReader reader = new DailySeriesReader(engine, scope);
        List<DailySeriesSet> sets;
        DailyCube cube;
        while (true) {
            try {
                cube = detector.dimensions().isEmpty() ? null : reader.cube(detector.dimensions(), scope.range(), null);
                sets = cube == null ? List.of() : DailySeriesReader.rollUps(cube, detector.dimensions());
                break;
            } catch (QueryException e) {
                Dimension absent = absentDimension(e, detector.dimensions());
                warnings.add("anomaly scan by " + absent.label() + " skipped: " + e.getMessage());
                detector = detector.without(List.of(absent));
            }
        }
        // The partial-day check (an hourly query of the last days) on another core while this thread starts the
        // invoice and the commitments and works out the breakdowns and trends: its last day is the cube's.
        LocalDate cubeLast =
                cube == null || cube.axis().isEmpty() ? null : cube.axis().last();
        Fork<PartialDay> partialFuture =
                cubeLast == null ? null : new Fork<>(() -> PartialDay.detect(engine, scope, cubeLast), executor);
        DailySeries total = sets.isEmpty() ? reader.total() : sets.get(0).total();
        mainSeriesRead.run();
        // Independent pieces run beside the rest of the analyses on the executor, each awaited where its answer is
        // needed (or run there, if no thread has started it). Started once the main series are read, so that the first
        // query has the cores (with the root causes' preparation) to itself.
        // The invoice: BilledCost of every charge category, forecast beside usage so it can be held to a budget.
        Fork<DailySeries> invoiceFuture = total.axis().isEmpty()
                ? null
                : new Fork<>(
                        () -> new DailySeriesReader(
                                        engine,
                                        SeriesScope.allCharges()
                                                .withMetric(Metric.BILLED_COST)
                                                .withRange(scope.range()))
                                .total(),
                        executor);
        // The commitments, wanted only for the report.
        int commitmentWarningAt = warnings.size();
        Fork<CommitmentReport> commitmentFuture = new Fork<>(
                () -> {
                    if (commitments == null) {
                        return null;
                    }
                    try {
                        return commitments.analyze(engine, scope.range());
                    } catch (QueryException absent) {
                        commitmentSkip.set("commitment analysis skipped: " + absent.getMessage());
                        return null;
                    }
                },
                commitments == null ? Runnable::run : executor);
        StringJoiner described = new StringJoiner(" and ");
        for (Filter f : scope.filters()) {
            described.add(describe(f));
        }
        String scopeText = described.toString();
        if (total.axis().isEmpty()) {
            CommitmentReport commitmentReport =
                    joinCommitments(commitmentFuture, commitmentSkip, warnings, commitmentWarningAt);
            warnings.add(
                    "no rows in scope (" + (scopeText.isEmpty() ? "all rows" : scopeText) + "): nothing to analyse");
            return new AnalysisReport(
                    scope.metric().columnName(),
                    scopeText,
                    null,
                    null,
                    0,
                    0,
                    null,
                    List.of(),
                    null,
                    null,
                    List.of(),
                    AnomalyScan.Status.INSUFFICIENT_HISTORY,
                    detector.method(),
                    commitmentReport,
                    List.of(),
                    warnings,
                    null);
        }
        List<Breakdown> breakdowns = new ArrayList<>(sets.size());
        for (DailySeriesSet set : sets) {
            breakdowns.add(TrendAnalyzer.breakdown(set));
        }
        Trends trendResult = trends.analyze(
                total,
                sets.isEmpty() ? new DailySeriesSet(DailySeries.TOTAL, total.axis(), List.of(total)) : sets.get(0));
        // a last day cut mid-day (or missing a provider's rows) is flagged, and kept out of the scan and the fit
        // the series are the cube's roll-ups, so its last day is theirs
        PartialDay partial = partialFuture != null
                ? partialFuture.join()
                : PartialDay.detect(engine, scope, total.axis().last());
        boolean partialLast =
                partial != null && partial.day().equals(total.axis().last());
        if (partialLast) {
            warnings.add("data quality: " + partial.describe());
        }
        // the invoice's forecast (a fit of its own series) beside the usage's and the anomaly scan
        Fork<Forecast> invoiceForecastFuture = new Fork<>(
                () -> {
                    DailySeries invoice = invoiceFuture.join();
                    return invoice.axis().isEmpty()
                            ? null
                            : forecaster.forecast(
                                    invoice,
                                    partialLast && invoice.axis().last().equals(partial.day()));
                },
                executor);
        Forecast forecast = forecaster.forecast(total, partialLast);
        AnomalyScan scan;
        while (true) {
            try {
                scan = detector.scan(engine, scope, total, sets, partialLast ? partial.day() : null, cube, executor);
                break;
            } catch (QueryException e) {
                Dimension absent = absentDimension(e, detector.rootCauseDimensions());
                warnings.add("anomaly root causes by " + absent.label() + " skipped: " + e.getMessage());
                detector = detector.withoutRootCause(absent);
            }
        }
        int days = total.axis().days();
        if (scan.status() == AnomalyScan.Status.INSUFFICIENT_HISTORY) {
            warnings.add("anomaly scan skipped: " + days + " days of data; a day is judged only after "
                    + AnomalyDetector.requiredHistoryDays() + " days of history");
        }
        if (trendResult.weekOverWeek() == null) {
            warnings.add("week over week needs 14 days, have " + days);
        }
        if (trendResult.monthOverMonth() == null) {
            warnings.add("month over month needs the same days of the previous month");
        }
        if (Forecaster.DAILY_MEAN.equals(forecast.method())) {
            warnings.add("forecast uses the daily mean: fewer than 14 days of history");
        }
        CommitmentReport commitmentReport =
                joinCommitments(commitmentFuture, commitmentSkip, warnings, commitmentWarningAt);
        Forecast invoiceForecast = invoiceForecastFuture.join();
        return new AnalysisReport(
                scope.metric().columnName(),
                scopeText,
                total.axis().first(),
                total.axis().last(),
                days,
                total.sum(),
                total,
                breakdowns,
                trendResult,
                forecast,
                scan.anomalies(),
                scan.status(),
                scan.method(),
                commitmentReport,
                List.of(),
                warnings,
                invoiceForecast,
                partialLast ? partial : null);
    }

    /** The commitment report, its skip warning (if any) put where the warnings of the main series end. */
    private static CommitmentReport joinCommitments(
            Fork<CommitmentReport> fork, AtomicReference<String> skip, List<String> warnings, int at) {
        CommitmentReport report = fork.join();
        if (skip.get() != null) {
            warnings.add(at, skip.get());
        }
        return report;
    }

    /**
     * The dimension whose column a query found absent (conditional FOCUS columns may be missing from any export);
     * rethrows when the error is about something else. Costs nothing when every column is there: engines refuse such
     * a query before reading any row.
     */
    private static Dimension absentDimension(QueryException e, List<Dimension> candidates) {
        for (Dimension d : candidates) {
            if (e.getMessage() != null && e.getMessage().startsWith("column " + d.name() + " is absent")) {
                return d;
            }
        }
        throw e;
    }

    /** Runs every analysis and attaches utilization verdicts computed elsewhere. */
    public AnalysisReport analyze(QueryEngine engine, List<UtilizationVerdict> utilization) {
        return analyze(engine).withUtilization(utilization);
    }

    private static String describe(Filter f) {
        return f.dimension().label() + (f.exclude() ? " not in " : " in ") + f.values();
    }

    /** Configures an {@link Analyzer}. */
    public static final class Builder {
        private SeriesScope scope = SeriesScope.usage();
        private AnomalyDetector detector = AnomalyDetector.defaults();
        private Forecaster forecaster = Forecaster.defaults();
        private TrendAnalyzer trends = TrendAnalyzer.defaults();
        private CommitmentAnalyzer commitments = CommitmentAnalyzer.defaults();
        private Executor executor = ForkJoinPool.commonPool();

        private Builder() {}

        /** Which rows and metric the series count (default: EffectiveCost of Usage rows). */
        public Builder scope(SeriesScope value) {
            this.scope = requireNonNull(value, "scope");
            return this;
        }

        /** The anomaly detector; its dimensions are the analysed dimensions (default ServiceName, SubAccountId,
         * RegionId). */
        public Builder anomalyDetector(AnomalyDetector value) {
            this.detector = requireNonNull(value, "anomalyDetector");
            return this;
        }

        /** Shorthand for a default detector with another sensitivity. */
        public Builder sensitivity(dev.costagent.core.analysis.anomaly.Sensitivity value) {
            this.detector = AnomalyDetector.builder().sensitivity(value).build();
            return this;
        }

        /** The forecaster (default 30-day horizon). */
        public Builder forecaster(Forecaster value) {
            this.forecaster = requireNonNull(value, "forecaster");
            return this;
        }

        /** The trend analyzer (default slope over 28 days, 5 top movers). */
        public Builder trendAnalyzer(TrendAnalyzer value) {
            this.trends = requireNonNull(value, "trendAnalyzer");
            return this;
        }

        /** The commitment analyzer, or {@code null} to skip commitments. */
        public Builder commitmentAnalyzer(CommitmentAnalyzer value) {
            this.commitments = value;
            return this;
        }

        /** Where independent queries run (default the common fork-join pool; {@code Runnable::run} for none). */
        public Builder executor(Executor value) {
            this.executor = requireNonNull(value, "executor");
            return this;
        }

        /** The analyzer. */
        public Analyzer build() {
            return new Analyzer(this);
        }
    }
}
