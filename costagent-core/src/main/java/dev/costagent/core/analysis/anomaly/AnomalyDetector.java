package dev.costagent.core.analysis.anomaly;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.analysis.fork.Fork;
import dev.costagent.core.analysis.series.DailyCube;
import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.series.DailySeriesReader;
import dev.costagent.core.analysis.series.DailySeriesSet;
import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * Finds anomalous days in daily cost series and explains them. Immutable and safe to share between threads;
 * configure it with {@link #builder()}.
 *
 * <p>A day t (with at least 14 days before it) is an anomaly when all of these hold:
 * <ul>
 *   <li>|score| ≥ threshold, score = log(actual / expected) / scale: cost noise is multiplicative, so a halving
 *       counts as much as a doubling. Expected from {@code SeasonalBaseline} (weekly-seasonal medians of the days
 *       before); scale = the largest of 1.4826 × the median |log error| of the baseline's own predictions over the
 *       preceding lookback days (its in-sample scale during the first week of judged days), the series' own
 *       week-over-week noise over the whole export ({@link #weekOverWeekNoise}: a few quiet weeks must not make a
 *       normal day look extreme) and {@code relativeScaleFloor}. A day at or from nothing is scored in the billing
 *       currency on the same scales;</li>
 *   <li>the same-weekday check ({@link #standsOutAgainstItsWeekday}): when the fit and the plain median of the same
 *       weekday over the same weeks are within the threshold of each other, the day also deviates from that median
 *       by the threshold, in the same direction (a fit learnt from 2 to 4 weeks carries noise of its own);</li>
 *   <li>|impact %| ≥ {@code minImpactPercent} (a series that was zero and is not counts);</li>
 *   <li>|impact| ≥ {@code minImpactDollars} and ≥ {@code minImpactShare} × the total's mean daily cost (so
 *       cents-a-day series do not drown the list).</li>
 * </ul>
 * A partial last day (an export cut mid-day, see {@link PartialDay}) is not
 * judged: its shortfall is missing rows, not a drop.
 */
public final class AnomalyDetector {
    private final List<Dimension> dimensions;
    private final boolean includeTotal;
    private final double threshold;
    private final double minImpactPercent;
    private final double minImpactDollars;
    private final double minImpactShare;
    private final double relativeScaleFloor;
    private final int lookbackDays;
    private final int scanLastDays;
    private final List<Dimension> rootCauseDimensions;
    private final int rootCausesPerDimension;
    private final boolean excludeRecurring;
    /** A series has started once a day costs this share of the materiality floor. */
    static final double COLD_START_SHARE_OF_FLOOR = 0.1;
    /** The ChargeFrequency of planned, periodic charges, left out of the scan. */
    static final String RECURRING = "Recurring";
    /** Scores are capped here: a series flat at zero has no scale, and any new cost would score infinitely. */
    static final double SCORE_CAP = 1000;

    private AnomalyDetector(Builder b) {
        this.dimensions = List.copyOf(b.dimensions);
        this.includeTotal = b.includeTotal;
        this.threshold = b.threshold;
        this.minImpactPercent = b.minImpactPercent;
        this.minImpactDollars = b.minImpactDollars;
        this.minImpactShare = b.minImpactShare;
        this.relativeScaleFloor = b.relativeScaleFloor;
        this.lookbackDays = b.lookbackDays;
        this.scanLastDays = b.scanLastDays;
        this.rootCauseDimensions = List.copyOf(b.rootCauseDimensions);
        this.rootCausesPerDimension = b.rootCausesPerDimension;
        this.excludeRecurring = b.excludeRecurring;
    }

    /** A builder with the defaults: total, ServiceName, SubAccountId, RegionId; MEDIUM sensitivity. */
    public static Builder builder() {
        return new Builder();
    }

    /** A detector with the defaults. */
    public static AnomalyDetector defaults() {
        return builder().build();
    }

    /** The sub-dimensions searched for root causes. */
    public List<Dimension> rootCauseDimensions() {
        return rootCauseDimensions;
    }

    /** This detector without a dimension among the root-cause candidates: for data that lacks its column. */
    public AnomalyDetector withoutRootCause(Dimension absent) {
        return copy(
                dimensions,
                rootCauseDimensions.stream().filter(d -> !d.equals(absent)).toList());
    }

    /**
     * This detector without some dimensions (scanned or searched for root causes): for data that lacks their columns.
     */
    public AnomalyDetector without(java.util.Collection<Dimension> absent) {
        if (absent.isEmpty()) {
            return this;
        }
        return copy(
                dimensions.stream().filter(d -> !absent.contains(d)).toList(),
                rootCauseDimensions.stream().filter(d -> !absent.contains(d)).toList());
    }

    private AnomalyDetector copy(List<Dimension> scanned, List<Dimension> causes) {
        Builder b = new Builder();
        b.dimensions = scanned;
        b.includeTotal = includeTotal;
        b.threshold = threshold;
        b.minImpactPercent = minImpactPercent;
        b.minImpactDollars = minImpactDollars;
        b.minImpactShare = minImpactShare;
        b.relativeScaleFloor = relativeScaleFloor;
        b.lookbackDays = lookbackDays;
        b.scanLastDays = scanLastDays;
        b.rootCauseDimensions = causes;
        b.rootCausesPerDimension = rootCausesPerDimension;
        b.excludeRecurring = excludeRecurring;
        return b.build();
    }

    /** The scanned dimensions (besides the total). */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    /** The minimum absolute score. */
    public double threshold() {
        return threshold;
    }

    /** Days of history a day needs before it is judged. */
    public static int requiredHistoryDays() {
        return SeasonalBaseline.minHistory();
    }

    /** Reads the series (one grouped query) and scans them; see {@link #scan(QueryEngine, SeriesScope,
     * DailySeries, List)}. */
    public AnomalyScan scan(QueryEngine engine, SeriesScope scope) {
        DailyCube cube = dimensions.isEmpty()
                ? null
                : new DailySeriesReader(engine, scope).cube(dimensions, scope.range(), null);
        List<DailySeriesSet> sets = cube == null ? List.of() : DailySeriesReader.rollUps(cube, dimensions);
        DailySeries total = sets.isEmpty()
                ? new DailySeriesReader(engine, scope).total()
                : sets.get(0).total();
        PartialDay partial = total.axis().isEmpty()
                ? null
                : PartialDay.detect(engine, scope, total.axis().last());
        return scan(engine, scope, total, sets, partial == null ? null : partial.day(), cube, Runnable::run);
    }

    /** {@link #scan(QueryEngine, SeriesScope, DailySeries, List, LocalDate)} with every day complete. */
    public AnomalyScan scan(QueryEngine engine, SeriesScope scope, DailySeries total, List<DailySeriesSet> sets) {
        return scan(engine, scope, total, sets, null);
    }

    /** The scope's recurring charges, or {@code null} when the input has no ChargeFrequency (a conditional column). */
    private static QueryResult recurringCharges(QueryEngine engine, SeriesScope scope, Dimension frequency) {
        try {
            return engine.execute(
                    scope.query().filter(Filter.in(frequency, RECURRING)).build());
        } catch (dev.costagent.core.table.QueryException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("column " + frequency.name() + " is absent")) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Scans already-read series (the total and one set per dimension, on one axis) and finds root causes with one
     * further grouped query on the engine (only when there are anomalies).
     *
     * @param partialLastDay the export's last day when it is partial ({@link PartialDay}): not judged, since its
     *     shortfall is rows not yet exported; {@code null} when every day is complete
     */
    public AnomalyScan scan(
            QueryEngine engine,
            SeriesScope scope,
            DailySeries total,
            List<DailySeriesSet> sets,
            LocalDate partialLastDay) {
        return scan(engine, scope, total, sets, partialLastDay, null, Runnable::run);
    }

    /**
     * {@link #scan(QueryEngine, SeriesScope, DailySeries, List, LocalDate)} given also the cube the sets were rolled
     * up from ({@code GROUP BY day} and the scanned dimensions, over the scope's whole range), so that root causes
     * among those dimensions are rolled up from it rather than queried again, and an executor on which the root
     * causes' queries that do not depend on each other start together (any it has not started by the time their
     * answer is needed run on the calling thread).
     *
     * @param cube the sets' cube, or {@code null} when the sets were read otherwise
     * @param executor where independent work runs ({@code Runnable::run} for this thread)
     */
    public AnomalyScan scan(
            QueryEngine engine,
            SeriesScope scope,
            DailySeries total,
            List<DailySeriesSet> sets,
            LocalDate partialLastDay,
            DailyCube cube,
            Executor executor) {
        requireNonNull(executor, "executor");
        if (excludeRecurring) {
            // recurring charges (a support plan, a reserved fee billed on a day of the month) are planned, not
            // anomalous: when the scope has any, the series are read again without them
            Dimension frequency = Dimension.of(FocusColumn.CHARGE_FREQUENCY);
            QueryResult recurring = recurringCharges(engine, scope, frequency);
            if (recurring != null && (recurring.rows() > 0 || recurring.total() != 0)) {
                scope = scope.and(Filter.notIn(frequency, RECURRING));
                DailySeriesReader reader = new DailySeriesReader(engine, scope);
                cube = dimensions.isEmpty() ? null : reader.cube(dimensions, scope.range(), null);
                sets = cube == null ? List.of() : DailySeriesReader.rollUps(cube, dimensions);
                total = sets.isEmpty() ? reader.total() : sets.get(0).total();
            }
        }
        List<String> scanned = new ArrayList<>();
        if (includeTotal) {
            scanned.add(DailySeries.TOTAL);
        }
        for (DailySeriesSet set : sets) {
            scanned.add(set.dimension());
        }
        int days = total.axis().days();
        int required = requiredHistoryDays();
        if (days <= required) {
            return new AnomalyScan(
                    AnomalyScan.Status.INSUFFICIENT_HISTORY,
                    days,
                    required,
                    scanned,
                    0,
                    threshold,
                    List.of(),
                    method());
        }
        // a partial last day is short of rows, not of spending: judged days end before it
        int judged =
                partialLastDay != null && partialLastDay.equals(total.axis().last()) ? days - 1 : days;
        double scopeDailySpend = Math.abs(total.sum()) / days;
        double floorDollars = floor(scopeDailySpend);
        // the sets after the first are judged on the executor, beside this thread's total and first set; their
        // detections are gathered in the sets' order, as if judged one after the other
        List<Fork<List<Anomaly>>> later = new ArrayList<>();
        for (DailySeriesSet set : sets.subList(Math.min(1, sets.size()), sets.size())) {
            later.add(new Fork<>(new SetDetection(set, floorDollars, scopeDailySpend, judged), executor));
        }
        List<Anomaly> found = new ArrayList<>();
        int seriesScanned = 0;
        if (includeTotal) {
            found.addAll(detect(total, floorDollars, scopeDailySpend, judged));
            seriesScanned++;
        }
        if (!sets.isEmpty()) {
            found.addAll(detectAll(sets.get(0), floorDollars, scopeDailySpend, judged));
        }
        for (Fork<List<Anomaly>> set : later) {
            found.addAll(set.join());
        }
        for (DailySeriesSet set : sets) {
            seriesScanned += set.series().size();
        }
        List<Anomaly> explained = new RootCauseFinder(
                        engine, scope, rootCauseDimensions, rootCausesPerDimension, lookbackDays, executor)
                .explain(found, total.axis(), cube);
        List<Anomaly> events = EventGrouper.group(explained, scopeDailySpend, threshold);
        return new AnomalyScan(
                AnomalyScan.Status.OK, days, required, scanned, seriesScanned, threshold, events, method());
    }

    /** One set's detections, judged on the executor (a class rather than a lambda: see {@link RootCauseFinder}). */
    private final class SetDetection implements Callable<List<Anomaly>> {
        private final DailySeriesSet set;
        private final double floorDollars;
        private final double scopeDailySpend;
        private final int judgedDays;

        SetDetection(DailySeriesSet set, double floorDollars, double scopeDailySpend, int judgedDays) {
            this.set = set;
            this.floorDollars = floorDollars;
            this.scopeDailySpend = scopeDailySpend;
            this.judgedDays = judgedDays;
        }

        @Override
        public List<Anomaly> call() {
            return detectAll(set, floorDollars, scopeDailySpend, judgedDays);
        }
    }

    /** The detections in every series of a set, in the set's order. */
    private List<Anomaly> detectAll(DailySeriesSet set, double floorDollars, double scopeDailySpend, int judgedDays) {
        List<Anomaly> found = new ArrayList<>();
        for (DailySeries s : set.series()) {
            found.addAll(detect(s, floorDollars, scopeDailySpend, judgedDays));
        }
        return found;
    }

    /** The materiality floor for a scope spending {@code scopeDailySpend} a day on average. */
    public double floor(double scopeDailySpend) {
        return Math.max(minImpactDollars, minImpactShare * Math.abs(scopeDailySpend));
    }

    /**
     * The anomalous days of one series, one detection per day, without root causes or grouping; the series is its
     * own scope (floor and severity against its own mean daily spend).
     */
    public List<Anomaly> detect(DailySeries series) {
        double mean = series.axis().days() == 0
                ? 0
                : Math.abs(series.sum()) / series.axis().days();
        return detect(series, floor(mean), mean, series.axis().days());
    }

    private List<Anomaly> detect(DailySeries series, double floorDollars, double scopeDailySpend, int judgedDays) {
        double[] x = series.values();
        SeasonalBaseline baseline = new SeasonalBaseline(lookbackDays);
        int history = SeasonalBaseline.minHistory();
        int first = Math.max(history, scanLastDays > 0 ? x.length - scanLastDays : 0);
        // cold start: a series is judged only once it has had minimum history since it first cost something
        double startLevel = Math.max(1e-9, COLD_START_SHARE_OF_FLOOR * floorDollars);
        int firstActive = x.length;
        for (int t = 0; t < x.length; t++) {
            if (Math.abs(x[t]) >= startLevel) {
                firstActive = t;
                break;
            }
        }
        double[] errors = new double[x.length];
        double[] logErrors = new double[x.length];
        Arrays.fill(logErrors, Double.NaN);
        double[] recent = new double[lookbackDays];
        double noiseFloor = weekOverWeekNoise(Arrays.copyOf(x, judgedDays), startLevel);
        IntermittentDemand intermittent = new IntermittentDemand(lookbackDays);
        List<Anomaly> out = new ArrayList<>();
        for (int t = history; t < judgedDays; t++) {
            double expected = baseline.expected(x, t);
            if (Double.isNaN(expected)) {
                continue;
            }
            errors[t] = x[t] - expected;
            boolean positive = x[t] >= startLevel && expected >= startLevel;
            if (positive) {
                logErrors[t] = Math.log(x[t] / expected);
            }
            if (t < first) {
                continue;
            }
            boolean newSpend = false;
            if (t - firstActive < history) {
                // cold start: only the first day of a series that was quiet for two weeks is judged, as new spend,
                // and only when it is material against the scope (a quarter of a mean day), not just the floor
                if (t != firstActive
                        || Math.abs(errors[t]) < Math.max(floorDollars, Severity.MEDIUM_DAYS * scopeDailySpend)) {
                    continue;
                }
                newSpend = true;
            }
            double impact;
            double score;
            if (!newSpend && intermittent.classify(x, t, startLevel)) {
                if (!intermittent.judgeable() || !intermittent.active(x[t])) {
                    continue; // too few runs to know their size, or an idle day: normal for intermittent demand
                }
                expected = intermittent.typicalSize();
                impact = x[t] - expected;
                if (impact <= 0) {
                    continue; // an intermittent series is judged on rises only: a quiet day is its normal
                }
                score = impact / intermittent.scale();
            } else {
                impact = errors[t];
                if (positive) {
                    // cost noise is multiplicative (usage swings by a share of itself): the deviation is judged as a
                    // log ratio against the log scale, so a halving is as surprising as a doubling
                    double inSample = baseline.scale() / expected;
                    double scale = Math.max(
                            logScale(logErrors, t, history, recent, inSample),
                            Math.max(relativeScaleFloor, noiseFloor));
                    score = logErrors[t] / scale;
                    double same = baseline.sameWeekday();
                    if (same > 0
                            && !standsOutAgainstItsWeekday(
                                    Math.log(x[t] / same) / scale, Math.log(expected / same) / scale, score)) {
                        continue;
                    }
                } else {
                    // a day at (or from) nothing has no log ratio: judged in the billing currency
                    double scale = Math.max(
                            scale(errors, t, history, recent, baseline.scale()),
                            Math.max(relativeScaleFloor, noiseFloor) * Math.abs(expected));
                    score = scale > 0 ? impact / scale : Math.copySign(SCORE_CAP, impact);
                    double same = baseline.sameWeekday();
                    if (scale > 0
                            && !standsOutAgainstItsWeekday((x[t] - same) / scale, (expected - same) / scale, score)) {
                        continue;
                    }
                }
            }
            if (impact == 0 || Math.abs(impact) < floorDollars) {
                continue;
            }
            Double impactPercent = Math.abs(expected) > 1e-9 ? 100 * impact / Math.abs(expected) : null;
            if (Math.abs(score) < threshold || (impactPercent != null && Math.abs(impactPercent) < minImpactPercent)) {
                continue;
            }
            score = Math.max(-SCORE_CAP, Math.min(SCORE_CAP, score));
            out.add(new Anomaly(
                    series.dimension(),
                    series.value(),
                    series.axis().day(t),
                    x[t],
                    expected,
                    impact,
                    impactPercent,
                    score,
                    Severity.of(score, impact, scopeDailySpend, threshold),
                    List.of()));
        }
        return out;
    }

    /**
     * The same-weekday check. The fitted expectation (level × weekday profile + trend from 2 to 4 weeks) carries noise
     * of its own: three Mondays that happened to be high make a Monday profile, a low week pulls the level and, when
     * every week moved the same way, a trend. A clean day judged against such a fit can score past the threshold
     * although it is ordinary for its weekday. So when the fit and the plain median of the same weekday over the same
     * weeks agree within the threshold (the fit moved the expectation by no more than noise), a day must also stand
     * out against that median, by the threshold, in the same direction. When they disagree by more (the weeks changed
     * level: a level shift or a steady trend the fit followed), the weekday median is stale and the fit alone judges.
     *
     * @param againstWeekday the day's deviation from the same-weekday median, in scales (same units as the score)
     * @param fitGap the fit's expectation minus the same-weekday median, in scales
     * @param score the day's score against the fit
     */
    private boolean standsOutAgainstItsWeekday(double againstWeekday, double fitGap, double score) {
        if (Math.abs(fitGap) >= threshold) {
            return true;
        }
        return Math.signum(againstWeekday) == Math.signum(score) && Math.abs(againstWeekday) >= threshold;
    }

    /**
     * The series' own relative day-to-day noise over the whole export: 1.4826 × the median of the relative
     * week-over-week changes |x[d] − x[d−7]| / mean(|x[d]|, |x[d−7]|) over the days where both cost something, / √2
     * (a difference carries the noise of two days); 0 with fewer than two weeks of such pairs. A median, so the few
     * anomalous days do not set it; relative, so a growing series is not judged by its early or late size.
     */
    static double weekOverWeekNoise(double[] x, double startLevel) {
        double[] ratios = new double[Math.max(0, x.length - SeasonalBaseline.WEEK)];
        int n = 0;
        for (int d = SeasonalBaseline.WEEK; d < x.length; d++) {
            double a = Math.abs(x[d]);
            double b = Math.abs(x[d - SeasonalBaseline.WEEK]);
            if (a >= startLevel && b >= startLevel) {
                ratios[n++] = Math.abs(x[d] - x[d - SeasonalBaseline.WEEK]) / ((a + b) / 2);
            }
        }
        if (n < 2 * SeasonalBaseline.WEEK) {
            return 0;
        }
        return SeasonalBaseline.MAD_TO_SIGMA * SeasonalBaseline.median(ratios, n) / Math.sqrt(2);
    }

    /**
     * The out-of-sample log scale: 1.4826 × the median |log(actual / expected)| of the baseline's own predictions over
     * the days before t (up to the lookback, days where both were positive). While fewer than 7 such errors exist, the
     * baseline's in-sample scale relative to expected stands in for it (the first week of judged days). Once a week of
     * real prediction errors exists it is the better measure and the in-sample one (inflated for the noise of a
     * 2-to-4-week fit) no longer bounds it: that bound widened the scale by a third and hid planted drops.
     */
    private static double logScale(double[] logErrors, int t, int history, double[] buffer, double inSample) {
        int n = 0;
        for (int d = Math.max(history, t - buffer.length); d < t; d++) {
            if (!Double.isNaN(logErrors[d])) {
                buffer[n++] = Math.abs(logErrors[d]);
            }
        }
        if (n < SeasonalBaseline.WEEK) {
            return inSample;
        }
        return SeasonalBaseline.MAD_TO_SIGMA * SeasonalBaseline.median(buffer, n);
    }

    /**
     * The out-of-sample scale: 1.4826 × the median absolute prediction error of the baseline over the days before t
     * (up to the lookback); the in-sample scale while fewer than 7 such errors exist.
     */
    private static double scale(double[] errors, int t, int history, double[] buffer, double inSample) {
        int n = 0;
        for (int d = Math.max(history, t - buffer.length); d < t; d++) {
            buffer[n++] = Math.abs(errors[d]);
        }
        if (n < SeasonalBaseline.WEEK) {
            return inSample;
        }
        // a median of few errors can be small by chance; the history's own scale bounds it from below
        return Math.max(SeasonalBaseline.MAD_TO_SIGMA * SeasonalBaseline.median(buffer, n), inSample);
    }

    /** The method in one paragraph, for reports. */
    public String method() {
        return "Each day with at least 14 days before it (and 14 days since its series first cost "
                + COLD_START_SHARE_OF_FLOOR * 100 + "% of the floor: cold start) is compared with a weekly-seasonal "
                + "robust expectation from up to " + lookbackDays + " preceding days (7-day block medians, weekday "
                + "profile by median, level trend from block medians); score = (actual - expected) / scale, scale = "
                + "1.4826 x the median absolute prediction error of the baseline over the preceding days, at least "
                + relativeScaleFloor * 100 + "% of expected. Intermittent series (a third or more idle days) are "
                + "judged by the median size of their runs instead, on rises only, once 3 runs are seen. Anomaly when "
                + "|score| >= " + threshold + " (and, when the expectation is within that many scales of the median "
                + "of the same weekday over the same weeks, the day deviates from that median by as much, in the same "
                + "direction), |impact| >= " + minImpactPercent + "% of expected and >= the "
                + "materiality floor max(" + minImpactDollars + " in the billing currency, " + minImpactShare * 100
                + "% of the scope's mean daily spend). Detections on the same days whose series nest (total > "
                + "service > account, region, resource) are one event; rises and drops are separate kinds. "
                + (excludeRecurring ? "Recurring charges (ChargeFrequency Recurring) are left out. " : "")
                + "Root "
                + "causes: sub-dimension values ranked by actual - own expectation on the event's largest day.";
    }

    /** Configures an {@link AnomalyDetector}. */
    public static final class Builder {
        private List<Dimension> dimensions = List.of(
                Dimension.of(FocusColumn.SERVICE_NAME),
                Dimension.of(FocusColumn.SUB_ACCOUNT_ID),
                Dimension.of(FocusColumn.REGION_ID));
        private boolean includeTotal = true;
        private double threshold = Sensitivity.MEDIUM.threshold();
        private double minImpactPercent = 10;
        private double minImpactDollars = 1.0;
        private double minImpactShare = 0.01;
        private double relativeScaleFloor = 0.02;
        private int lookbackDays = 28;
        private int scanLastDays = 0;
        private List<Dimension> rootCauseDimensions = List.of(
                Dimension.of(FocusColumn.SERVICE_NAME),
                Dimension.of(FocusColumn.SUB_ACCOUNT_ID),
                Dimension.of(FocusColumn.REGION_ID),
                Dimension.of(FocusColumn.RESOURCE_ID),
                Dimension.of(FocusColumn.SKU_ID));
        private int rootCausesPerDimension = 3;
        private boolean excludeRecurring = true;

        private Builder() {}

        /** The dimensions whose every value is scanned (default ServiceName, SubAccountId, RegionId). */
        public Builder dimensions(List<Dimension> value) {
            this.dimensions = checked(value, "scan");
            return this;
        }

        /**
         * Whether rows with ChargeFrequency {@code Recurring} (monthly fees billed on a day of the month) are left out
         * of the scan (default true): they are planned, and would otherwise rise every month on the same day.
         */
        public Builder excludeRecurring(boolean value) {
            this.excludeRecurring = value;
            return this;
        }

        /** Whether the total series is scanned too (default true). */
        public Builder includeTotal(boolean value) {
            this.includeTotal = value;
            return this;
        }

        /** A preset threshold (default MEDIUM). */
        public Builder sensitivity(Sensitivity value) {
            return threshold(value.threshold());
        }

        /** The minimum absolute robust score (positive). */
        public Builder threshold(double value) {
            if (!(value > 0)) {
                throw new IllegalArgumentException("threshold must be positive: " + value);
            }
            this.threshold = value;
            return this;
        }

        /** The minimum |impact| as a percentage of expected (default 10). */
        public Builder minImpactPercent(double value) {
            this.minImpactPercent = requireNonNegative(value, "minImpactPercent");
            return this;
        }

        /** The absolute materiality floor: the minimum |impact| in the billing currency (default 1.00). */
        public Builder minImpactDollars(double value) {
            this.minImpactDollars = requireNonNegative(value, "minImpactDollars");
            return this;
        }

        /** The relative materiality floor: the minimum |impact| as a share of the scope's mean daily spend (default 0.01). */
        public Builder minImpactShare(double value) {
            this.minImpactShare = requireNonNegative(value, "minImpactShare");
            return this;
        }

        /** The smallest scale as a share of |expected| (default 0.02), so flat series do not flag pennies. */
        public Builder relativeScaleFloor(double value) {
            this.relativeScaleFloor = requireNonNegative(value, "relativeScaleFloor");
            return this;
        }

        /** How many preceding days the baseline looks at (14 to 364; default 28; whole weeks). */
        public Builder lookbackDays(int value) {
            if (value < 14 || value > 364) {
                throw new IllegalArgumentException("lookbackDays must be 14..364: " + value);
            }
            this.lookbackDays = value;
            return this;
        }

        /** Judge only the last N days (0, the default, judges every day with enough history). */
        public Builder scanLastDays(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("scanLastDays must be >= 0: " + value);
            }
            this.scanLastDays = value;
            return this;
        }

        /** The sub-dimensions searched for root causes (default ServiceName, SubAccountId, RegionId, ResourceId,
         * SkuId; an anomaly's own dimension is skipped). */
        public Builder rootCauseDimensions(List<Dimension> value) {
            this.rootCauseDimensions = checked(value, "explain anomalies by");
            return this;
        }

        private static List<Dimension> checked(List<Dimension> value, String use) {
            for (Dimension d : value) {
                if (d.isTime()) {
                    throw new IllegalArgumentException("cannot " + use + " a time dimension: " + d);
                }
            }
            if (value.stream().distinct().count() != value.size()) {
                throw new IllegalArgumentException("dimensions repeat: " + value);
            }
            return List.copyOf(value);
        }

        /** How many root causes per sub-dimension (default 3). */
        public Builder rootCausesPerDimension(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("rootCausesPerDimension must be >= 0: " + value);
            }
            this.rootCausesPerDimension = value;
            return this;
        }

        /** The detector. */
        public AnomalyDetector build() {
            return new AnomalyDetector(this);
        }

        private static double requireNonNegative(double value, String name) {
            if (!(value >= 0)) {
                throw new IllegalArgumentException(name + " must be >= 0: " + value);
            }
            return value;
        }
    }

    @Override
    public String toString() {
        return "AnomalyDetector[" + requireNonNull(method()) + "]";
    }
}
