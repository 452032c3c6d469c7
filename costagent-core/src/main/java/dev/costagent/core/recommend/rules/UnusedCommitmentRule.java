package dev.costagent.core.recommend.rules;

import dev.costagent.core.analysis.commitment.CommitmentAnalyzer;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.recommend.Effort;
import dev.costagent.core.recommend.Evidence;
import dev.costagent.core.recommend.Recommendation;
import dev.costagent.core.recommend.RecommendationType;
import dev.costagent.core.recommend.RiskLevel;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code UNUSED_COMMITMENT}: a commitment (reservation or savings plan) billed for capacity nothing used. FOCUS marks
 * that cost with {@code CommitmentDiscountStatus = Unused}.
 *
 * <pre>
 * monthlyUnused  = unusedCost / hours(first unused day .. window end) × 730
 * monthlySavings = monthlyUnused          (moving eligible on-demand usage onto it, or not renewing, recovers it)
 * utilization    = 1 − unusedCost / commitmentCost
 * confidence     = 0.75 × min(1, hours / 720); risk LOW; effort MEDIUM
 * </pre>
 */
public final class UnusedCommitmentRule implements RecommendationRule {

    @Override
    public String name() {
        return "commitment.unused";
    }

    @Override
    public List<Recommendation> evaluate(RuleContext context) {
        BillingWindow w = context.window().orElse(null);
        if (w == null) {
            return List.of();
        }
        Dimension id = Dimension.of(FocusColumn.COMMITMENT_DISCOUNT_ID);
        Dimension status = Dimension.of(FocusColumn.COMMITMENT_DISCOUNT_STATUS);
        QueryResult result = context.query(CostQuery.builder()
                .groupBy(id, status, Dimension.DAY)
                .filter(Filter.notIn(id, (String) null))
                .range(w.range())
                .build());
        // Per commitment: total cost, unused cost, first hour of the first day with unused cost.
        Map<String, double[]> acc = new HashMap<>();
        for (QueryResult.Group g : result.groups()) {
            if (g.key(0) == null || g.key(2) == null) {
                continue;
            }
            double[] a = acc.computeIfAbsent(g.key(0), k -> new double[] {0, 0, Double.MAX_VALUE});
            a[0] += g.value();
            if (CommitmentAnalyzer.UNUSED.equalsIgnoreCase(g.key(1)) && g.value() != 0) {
                a[1] += g.value();
                a[2] = Math.min(a[2], BillingWindow.parseDay(g.key(2)) * 24);
            }
        }
        List<Recommendation> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : new TreeMap<>(acc).entrySet()) {
            double[] a = e.getValue();
            if (a[1] <= 0) {
                continue;
            }
            long hours = w.hoursFrom((long) a[2]);
            double monthlyUnused = Recommendation.monthlyRate(a[1], hours);
            double monthlyTotal = Recommendation.monthlyRate(a[0], hours);
            double utilization = a[0] == 0 ? 0 : 1 - a[1] / a[0];
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("commitmentDiscountId", e.getKey());
            inputs.put("unusedCost", a[1]);
            inputs.put("commitmentCost", a[0]);
            inputs.put("hours", hours);
            inputs.put("utilization", utilization);
            out.add(Recommendation.builder(RecommendationType.UNUSED_COMMITMENT, e.getKey())
                    .title("Use or retire commitment " + e.getKey() + " (" + Math.round(utilization * 100)
                            + "% utilized)")
                    .currentMonthlyCost(monthlyTotal)
                    .monthlySavings(monthlyUnused)
                    .confidence(Confidence.round(0.75 * Confidence.billingCoverage(hours)))
                    .risk(RiskLevel.LOW, List.of("the commitment is paid either way; only how it is used changes"))
                    .effort(Effort.MEDIUM)
                    .evidence(new Evidence(name(), "monthlySavings = unusedCost / hours × 730", inputs))
                    .steps("Find on-demand usage the commitment could cover (same family/region, or any compute "
                                    + "for a compute savings plan) and move it there",
                            "Otherwise exchange or sell it where the provider allows, and do not renew it")
                    .rollback("Move the workloads back")
                    .build());
        }
        return out;
    }
}
