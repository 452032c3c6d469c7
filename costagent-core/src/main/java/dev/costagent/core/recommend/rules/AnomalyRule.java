package dev.costagent.core.recommend.rules;

import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.recommend.model.AnomalySignal;
import dev.costagent.core.recommend.model.Effort;
import dev.costagent.core.recommend.model.Evidence;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.recommend.model.RecommendationType;
import dev.costagent.core.recommend.model.RiskLevel;
import dev.costagent.core.recommend.spi.BillingWindow;
import dev.costagent.core.recommend.spi.RecommendationRule;
import dev.costagent.core.recommend.spi.RuleContext;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.table.TimeRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code INVESTIGATE_ANOMALY}: a recent rise in spend (an anomaly with positive impact in the last 7 days of data)
 * that has lasted is worth a look before it becomes the new normal.
 *
 * <p>The saving is what the rise costs if it goes on, measured on the billing data rather than extrapolated from the
 * anomalous day: the target's mean daily usage cost after the anomaly day against its mean over the 14 days before
 * (two whole weeks, so weekday and weekend costs weigh as they do in a month). Each target is measured from its
 * earliest recent anomaly, where its rise began. A one-day spike that is already over saves nothing by investigating
 * and yields no recommendation; a rise seen on fewer than two days after its anomaly (on the last day of data, a day
 * that may be partial, only that day) gets a lower confidence.
 *
 * <p>One recommendation per day: anomalies found on the same day in several dimensions (the total, a service, its
 * account, its region) are the same excess seen from different sides, so only the largest rise that lasted is kept
 * (the analysis' root causes name the others), and savings are never counted twice.
 *
 * <pre>
 * baseline       = mean daily cost of the target over the 14 days before the anomaly (fewer when the data starts
 *                  later; the model's expected value when it starts that day)
 * level          = mean daily cost of the target over the days after the anomaly (the anomaly day itself when it is
 *                  the last day of data)
 * estimatedImpact = (level − baseline) × (days after the anomaly + 1): the excess for the days it has lasted
 * monthlySavings = min((level − baseline) × 730 / 24, the usage bill's mean daily cost × 730 / 24), when
 *                  positive: an investigation never claims more than the monthly bill
 * confidence     = 0.3 when the rise shows on two or more days after its anomaly, 0.2 otherwise (the excess may be
 *                  intended); risk LOW (investigating changes nothing); effort MEDIUM
 * </pre>
 */
public final class AnomalyRule implements RecommendationRule {

    /**
     * This rule's settings.
     *
     * @param recentDays only anomalies this close to the end of the data are worth investigating (7)
     */
    public record Options(int recentDays) {
        /** The documented defaults. */
        public static final Options DEFAULTS = new Options(7);
    }

    private final Options options;

    /** The rule with {@link Options#DEFAULTS}. */
    public AnomalyRule() {
        this(Options.DEFAULTS);
    }

    /** The rule with its settings. */
    public AnomalyRule(Options options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /** This rule's settings. */
    public Options options() {
        return options;
    }

    /** Days before the anomaly whose mean is the baseline. */
    static final int BASELINE_DAYS = 14;

    @Override
    public String name() {
        return "anomaly.recent-increase";
    }

    @Override
    public List<Recommendation> evaluate(RuleContext context) {
        BillingWindow w = context.window().orElse(null);
        if (w == null) {
            return List.of();
        }
        // Per target, the earliest recent anomaly: where its rise began, so the baseline before it is clean.
        LocalDate since = w.lastDay().minusDays(options.recentDays() - 1L);
        Map<String, AnomalySignal> earliest = new TreeMap<>();
        for (AnomalySignal a : context.anomalies()) {
            if (a.impact() > 0 && !a.date().isBefore(since)) {
                earliest.merge(target(a), a, (x, y) -> y.date().isBefore(x.date()) ? y : x);
            }
        }
        Map<String, Map<Long, Double>> dailyCost = dailyCosts(context, w, earliest.values());
        // Per day, the largest rise that lasted: the same excess seen from several dimensions is counted once.
        Map<LocalDate, Candidate> largestPerDay = new TreeMap<>();
        for (Map.Entry<String, AnomalySignal> e : earliest.entrySet()) {
            Map<Long, Double> costs = dailyCost.get(e.getKey());
            if (costs == null) {
                continue; // no usage cost in the range at all (or a dimension that cannot be queried: warned)
            }
            Rise rise = measure(w, e.getValue(), costs);
            if (rise.lasting()) {
                largestPerDay.merge(
                        e.getValue().date(), new Candidate(e.getKey(), e.getValue(), rise), AnomalyRule::larger);
            }
        }
        List<Recommendation> out = new ArrayList<>();
        for (Candidate c : largestPerDay.values()) {
            out.add(recommendation(c.target(), c.signal(), c.rise(), monthlyBill(context)));
        }
        return out;
    }

    /**
     * Daily usage cost of every target, from the first baseline day to the last day of data: the context's daily
     * total, and one query per dimension (grouped by value and day), however many targets there are.
     */
    private static Map<String, Map<Long, Double>> dailyCosts(
            RuleContext context, BillingWindow w, Collection<AnomalySignal> signals) {
        Map<String, Map<Long, Double>> costs = new HashMap<>();
        Map<String, Set<String>> valuesByDimension = new TreeMap<>();
        long firstDay = Long.MAX_VALUE;
        for (AnomalySignal a : signals) {
            firstDay = Math.min(firstDay, firstBaselineDay(w, a));
            if (!isTotal(a)) {
                valuesByDimension
                        .computeIfAbsent(a.dimension(), d -> new LinkedHashSet<>())
                        .add(a.value());
            }
        }
        if (firstDay == Long.MAX_VALUE) {
            return costs;
        }
        TimeRange range =
                TimeRange.days(LocalDate.ofEpochDay(firstDay), w.lastDay().plusDays(1));
        if (signals.stream().anyMatch(AnomalyRule::isTotal)) {
            costs.put(DailySeries.TOTAL, context.dailyUsageCost());
        }
        for (Map.Entry<String, Set<String>> e : valuesByDimension.entrySet()) {
            Dimension dimension;
            try {
                dimension = Dimension.parse(e.getKey());
            } catch (IllegalArgumentException unknown) {
                context.warn("cannot measure anomalies of " + e.getKey() + ": " + unknown.getMessage());
                continue;
            }
            CostQuery byValue = CostQuery.builder()
                    .groupBy(dimension, Dimension.DAY)
                    .filter(RuleContext.usageOnly())
                    .filter(new Filter(dimension, e.getValue(), false))
                    .range(range)
                    .build();
            for (QueryResult.Group g : context.query(byValue).groups()) {
                costs.computeIfAbsent(target(e.getKey(), g.key(0)), k -> new HashMap<>())
                        .merge(BillingWindow.parseDay(g.key(1)), g.value(), Double::sum);
            }
        }
        return costs;
    }

    /** The larger rise; for the same rise (to rounding) seen from two dimensions, the larger anomaly. */
    private static Candidate larger(Candidate x, Candidate y) {
        double a = x.rise().excess();
        double b = y.rise().excess();
        if (Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))) {
            return y.signal().impact() > x.signal().impact() ? y : x;
        }
        return b > a ? y : x;
    }

    private static long firstBaselineDay(BillingWindow w, AnomalySignal a) {
        return Math.max(a.date().toEpochDay() - BASELINE_DAYS, w.dataStartHour() / 24);
    }

    /** The rise of an anomaly's target on its daily costs; days without rows cost nothing. */
    private static Rise measure(BillingWindow w, AnomalySignal a, Map<Long, Double> costs) {
        long day = a.date().toEpochDay();
        long lastDay = w.lastDay().toEpochDay();
        long firstBaselineDay = firstBaselineDay(w, a);
        double before = 0;
        for (long d = firstBaselineDay; d < day; d++) {
            before += costs.getOrDefault(d, 0.0);
        }
        double after = 0;
        for (long d = day + 1; d <= lastDay; d++) {
            after += costs.getOrDefault(d, 0.0);
        }
        long baselineDays = day - firstBaselineDay;
        double baseline = baselineDays > 0 ? before / baselineDays : a.expected();
        long daysAfter = lastDay - day;
        double level = daysAfter > 0 ? after / daysAfter : costs.getOrDefault(day, 0.0);
        return new Rise(baseline, baselineDays, level, Math.max(daysAfter, 1), daysAfter);
    }

    private Recommendation recommendation(String target, AnomalySignal a, Rise rise, double monthlyBill) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("dimension", a.dimension());
        inputs.put("value", String.valueOf(a.value()));
        inputs.put("date", a.date().toString());
        inputs.put("actual", a.actual());
        inputs.put("expected", a.expected());
        inputs.put("impact", a.impact());
        inputs.put("severity", a.severity());
        inputs.put("baselineDailyCost", rise.baseline());
        inputs.put("baselineDays", rise.baselineDays());
        inputs.put("levelDailyCost", rise.level());
        inputs.put("levelDays", rise.levelDays());
        inputs.put("daysAfterTheAnomaly", rise.daysAfter());
        inputs.put("estimatedImpact", rise.observedExcess());
        return Recommendation.builder(RecommendationType.INVESTIGATE_ANOMALY, target)
                .title("Investigate the " + a.date() + " cost rise of " + target)
                .currentMonthlyCost(rise.level() * Recommendation.HOURS_PER_MONTH / 24)
                .monthlySavings(Math.min(rise.excess() * Recommendation.HOURS_PER_MONTH / 24, monthlyBill))
                .confidence(rise.daysAfter() >= 2 ? 0.3 : 0.2)
                .risk(RiskLevel.LOW, List.of("investigating changes nothing; the rise may be intended"))
                .effort(Effort.MEDIUM)
                .evidence(new Evidence(
                        name(),
                        "monthlySavings = min((mean daily cost after the anomaly − mean daily"
                                + " cost in the " + BASELINE_DAYS + " days before) × 730 / 24, the monthly usage bill);"
                                + " estimatedImpact = that excess × the days it has lasted",
                        inputs))
                .steps(
                        "Open the anomaly's root causes (account, region, resource, SKU)",
                        "Ask the owners whether the rise is intended",
                        "Fix or accept it")
                .rollback("Nothing to undo")
                .build();
    }

    /** The usage bill at its mean daily rate, per month: no investigation claims more than that. */
    private static double monthlyBill(RuleContext context) {
        Map<Long, Double> daily = context.dailyUsageCost();
        if (daily.isEmpty()) {
            return 0;
        }
        long first = daily.keySet().stream().mapToLong(Long::longValue).min().getAsLong();
        long last = daily.keySet().stream().mapToLong(Long::longValue).max().getAsLong();
        double sum = daily.values().stream().mapToDouble(Double::doubleValue).sum();
        return Math.max(0, sum / (last - first + 1) * Recommendation.HOURS_PER_MONTH / 24);
    }

    private static boolean isTotal(AnomalySignal a) {
        return DailySeries.TOTAL.equals(a.dimension());
    }

    private static String target(AnomalySignal a) {
        return isTotal(a) ? a.dimension() : target(a.dimension(), a.value());
    }

    private static String target(String dimension, String value) {
        return value == null ? dimension : dimension + "=" + value;
    }

    /** An anomaly's target, the anomaly and its measured rise. */
    private record Candidate(String target, AnomalySignal signal, Rise rise) {}

    /**
     * Daily cost before and after an anomaly.
     *
     * @param levelDays the days {@code level} is the mean of
     * @param daysAfter the days of data after the anomaly's day
     */
    private record Rise(double baseline, long baselineDays, double level, long levelDays, long daysAfter) {
        double excess() {
            return level - baseline;
        }

        /** The excess over the baseline for the days the rise has lasted (the anomaly day and the days after). */
        double observedExcess() {
            return Math.max(0, excess()) * (daysAfter + 1);
        }

        /** Whether the level stays above the baseline by more than rounding in the sums. */
        boolean lasting() {
            return excess() > 1e-9 * (Math.abs(level) + Math.abs(baseline));
        }
    }
}
