package dev.costagent.core.recommend.rules;

import dev.costagent.core.recommend.AnomalySignal;
import dev.costagent.core.recommend.Effort;
import dev.costagent.core.recommend.Evidence;
import dev.costagent.core.recommend.Recommendation;
import dev.costagent.core.recommend.RecommendationType;
import dev.costagent.core.recommend.RiskLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code INVESTIGATE_ANOMALY}: a recent rise in spend (an anomaly with positive impact in the last 7 days of data)
 * is worth a look before it becomes the new normal. One recommendation per dimension value: the latest anomaly.
 *
 * <pre>
 * monthlySavings = impact × 730 / 24      (the day's excess, if it persisted for a month)
 * confidence     = 0.3 (the excess may be intended); risk LOW (investigating changes nothing); effort MEDIUM
 * </pre>
 */
public final class AnomalyRule implements RecommendationRule {

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
                String target = "total".equals(a.dimension()) || a.value() == null
                        ? a.dimension() : a.dimension() + "=" + a.value();
                latest.merge(target, a, (x, y) -> y.date().isAfter(x.date()) ? y : x);
            }
        }
        List<Recommendation> out = new ArrayList<>();
        for (Map.Entry<String, AnomalySignal> e : latest.entrySet()) {
            AnomalySignal a = e.getValue();
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("dimension", a.dimension());
            inputs.put("value", String.valueOf(a.value()));
            inputs.put("date", a.date().toString());
            inputs.put("actual", a.actual());
            inputs.put("expected", a.expected());
            inputs.put("impact", a.impact());
            inputs.put("severity", a.severity());
            out.add(Recommendation.builder(RecommendationType.INVESTIGATE_ANOMALY, e.getKey())
                    .title("Investigate the " + a.date() + " cost rise of " + e.getKey())
                    .currentMonthlyCost(a.actual() * Recommendation.HOURS_PER_MONTH / 24)
                    .monthlySavings(a.impact() * Recommendation.HOURS_PER_MONTH / 24)
                    .confidence(0.3)
                    .risk(RiskLevel.LOW, List.of("investigating changes nothing; the rise may be intended"))
                    .effort(Effort.MEDIUM)
                    .evidence(new Evidence(name(), "monthlySavings = (actual − expected) × 730 / 24", inputs))
                    .steps("Open the anomaly's root causes (account, region, resource, SKU)",
                            "Ask the owners whether the rise is intended", "Fix or accept it")
                    .rollback("Nothing to undo")
                    .build());
        }
        return out;
    }
}
