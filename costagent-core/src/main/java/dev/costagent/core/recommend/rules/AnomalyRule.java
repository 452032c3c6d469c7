package dev.costagent.core.recommend.rules;

import dev.costagent.core.recommend.AnomalySignal;
import dev.costagent.core.recommend.Effort;
import dev.costagent.core.recommend.Evidence;
import dev.costagent.core.recommend.Recommendation;
import dev.costagent.core.recommend.RecommendationType;
import dev.costagent.core.recommend.RiskLevel;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.table.TimeRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code INVESTIGATE_ANOMALY}: a recent rise in spend (an anomaly with positive impact in the last 7 days of data)
 * that has lasted is worth a look before it becomes the new normal. One recommendation per day: anomalies found on the
 * same day in several dimensions (the total, a service, its account, its region) are the same excess seen from
 * different sides, so only the one with the largest impact is kept (its root causes name the others), and savings are
 * never counted twice.
 *
 * <p>The saving is what the rise costs if it goes on, measured on the billing data rather than extrapolated from the
 * anomalous day: the target's mean daily usage cost after the anomaly day, against its mean over the 14 days before.
 * A one-day spike that is already over saves nothing by investigating and yields no recommendation; an anomaly on the
 * last day of data can only be judged by that day, so it gets a lower confidence.
 *
 * <pre>
 * baseline       = mean daily cost of the target over the 14 days before the anomaly (the model's expected value
 *                  when the data starts on that day)
 * level          = mean daily cost of the target over the days after the anomaly (the anomaly day itself when it is
 *                  the last day of data)
 * monthlySavings = (level − baseline) × 730 / 24, when positive
 * confidence     = 0.3 when the rise has lasted past its day, 0.2 when only the last day shows it (the excess may be
 *                  intended); risk LOW (investigating changes nothing); effort MEDIUM
 * </pre>
 */
public final class AnomalyRule implements RecommendationRule {

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
        LocalDate since = w.lastDay().minusDays(context.options().anomalyRecentDays() - 1L);
        Map<String, AnomalySignal> latest = new TreeMap<>();
        for (AnomalySignal a : context.anomalies()) {
            if (a.impact() > 0 && !a.date().isBefore(since)) {
                latest.merge(target(a), a, (x, y) -> y.date().isAfter(x.date()) ? y : x);
            }
        }
        Map<LocalDate, AnomalySignal> largestPerDay = new TreeMap<>();
        for (AnomalySignal a : latest.values()) {
            largestPerDay.merge(a.date(), a, (x, y) -> y.impact() > x.impact() ? y : x);
        }
        List<Recommendation> out = new ArrayList<>();
        for (AnomalySignal a : largestPerDay.values()) {
            Rise rise = measure(context, w, a);
            if (rise != null && rise.excess() > 0) {
                out.add(recommendation(a, rise));
            }
        }
        return out;
    }

    /** The rise of the anomaly's target as the billing data shows it, or {@code null} when it cannot be measured. */
    private static Rise measure(RuleContext context, BillingWindow w, AnomalySignal a) {
        long day = a.date().toEpochDay();
        long lastDay = w.lastDay().toEpochDay();
        long firstBaselineDay = Math.max(day - BASELINE_DAYS, w.dataStartHour() / 24);
        CostQuery.Builder query = CostQuery.builder().groupBy(Dimension.DAY).filter(RuleContext.usageOnly())
                .range(TimeRange.days(LocalDate.ofEpochDay(firstBaselineDay), LocalDate.ofEpochDay(lastDay + 1)));
        if (!isTotal(a)) {
            Dimension dimension;
            try {
                dimension = Dimension.parse(a.dimension());
            } catch (IllegalArgumentException unknown) {
                context.warn("cannot measure the anomaly of " + target(a) + ": " + unknown.getMessage());
                return null;
            }
            query.filter(new Filter(dimension, java.util.Collections.singleton(a.value()), false));
        }
        double before = 0;
        double after = 0;
        double onTheDay = 0;
        for (QueryResult.Group g : context.query(query.build()).groups()) {
            long d = BillingWindow.parseDay(g.key(0));
            if (d < day) {
                before += g.value();
            } else if (d == day) {
                onTheDay += g.value();
            } else {
                after += g.value();
            }
        }
        long baselineDays = day - firstBaselineDay;
        double baseline = baselineDays > 0 ? before / baselineDays : a.expected();
        long levelDays = lastDay - day;
        boolean lasted = levelDays > 0;
        double level = lasted ? after / levelDays : onTheDay;
        return new Rise(baseline, baselineDays, level, Math.max(levelDays, 1), lasted);
    }

    private Recommendation recommendation(AnomalySignal a, Rise rise) {
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
        inputs.put("lastedPastItsDay", rise.lasted());
        String target = target(a);
        return Recommendation.builder(RecommendationType.INVESTIGATE_ANOMALY, target)
                .title("Investigate the " + a.date() + " cost rise of " + target)
                .currentMonthlyCost(rise.level() * Recommendation.HOURS_PER_MONTH / 24)
                .monthlySavings(rise.excess() * Recommendation.HOURS_PER_MONTH / 24)
                .confidence(rise.lasted() ? 0.3 : 0.2)
                .risk(RiskLevel.LOW, List.of("investigating changes nothing; the rise may be intended"))
                .effort(Effort.MEDIUM)
                .evidence(new Evidence(name(), "monthlySavings = (mean daily cost after the anomaly − mean daily cost"
                        + " in the " + BASELINE_DAYS + " days before) × 730 / 24", inputs))
                .steps("Open the anomaly's root causes (account, region, resource, SKU)",
                        "Ask the owners whether the rise is intended", "Fix or accept it")
                .rollback("Nothing to undo")
                .build();
    }

    private static boolean isTotal(AnomalySignal a) {
        return "total".equals(a.dimension());
    }

    private static String target(AnomalySignal a) {
        return isTotal(a) || a.value() == null ? a.dimension() : a.dimension() + "=" + a.value();
    }

    /** Daily cost before and after an anomaly. */
    private record Rise(double baseline, long baselineDays, double level, long levelDays, boolean lasted) {
        double excess() {
            return level - baseline;
        }
    }
}
