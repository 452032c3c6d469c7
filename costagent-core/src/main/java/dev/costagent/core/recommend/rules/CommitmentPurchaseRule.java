package dev.costagent.core.recommend.rules;

import dev.costagent.core.analysis.utilization.NearestRank;
import dev.costagent.core.recommend.Effort;
import dev.costagent.core.recommend.Evidence;
import dev.costagent.core.recommend.Recommendation;
import dev.costagent.core.recommend.RecommendationType;
import dev.costagent.core.recommend.RiskLevel;
import dev.costagent.core.recommend.catalog.PricingRates;
import dev.costagent.core.recommend.catalog.Rate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code COMMITMENT_PURCHASE}: commit to the stable baseline of on-demand spend that a savings plan covers.
 *
 * <pre>
 * hourly[h]      = on-demand usage cost in hour h (PricingCategory Standard or On-Demand, ServiceCategory Compute),
 *                  every hour of the last 30 days, 0 where none
 * baseline       = p10 of hourly[] (nearest rank; configurable percentile)
 * for each option (term T years, payment upfront share u, discount d = a sourced rate):
 *   commitment/h  = baseline × (1 − d)
 *   monthlySaving = baseline × d × 730
 *   upfront       = u × commitment/h × 8760 × T;  monthlyPayment = (1 − u) × commitment/h × 730
 *   breakEven     = upfront / monthlySaving months (0 without upfront)
 *   NPV           = −upfront + Σ_{m=1..12T} (baseline × 730 − monthlyPayment) / (1 + r/12)^m   (r cost of capital)
 * recommended    = the configured option (1yr-no-upfront); all options are in the evidence
 * confidence     = share of hours with spend ≥ baseline × min(1, hours / 720)
 * risk           = MEDIUM for 1 year, HIGH for 3 years (lock-in); effort HIGH (a purchase decision)
 * </pre>
 */
public final class CommitmentPurchaseRule implements RecommendationRule {

    @Override
    public String name() {
        return "commitment.baseline-purchase";
    }

    @Override
    public List<Recommendation> evaluate(RuleContext context) {
        BillingWindow w = context.window().orElse(null);
        if (w == null || context.options().commitmentServiceCategories().isEmpty()) {
            return List.of();
        }
        double[] hourly = context.commitmentEligibleHourly();
        int hours = hourly.length;
        if (hours == 0) {
            return List.of();
        }
        double[] sorted = hourly.clone();
        Arrays.sort(sorted);
        double percentile = context.options().commitmentBaselinePercentile();
        double baseline = NearestRank.percentile(sorted, percentile);
        if (baseline <= 0) {
            return List.of();
        }
        int covered = 0;
        for (double h : hourly) {
            if (h >= baseline) {
                covered++;
            }
        }
        Map<String, Rate> rates = context.options().rates().all(PricingRates.Kind.COMMITMENT);
        Rate chosen = context.options().rates().get(PricingRates.Kind.COMMITMENT,
                context.options().commitmentOption());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("baselineHourlyOnDemand", baseline);
        inputs.put("baselinePercentile", percentile);
        inputs.put("hours", hours);
        inputs.put("option", chosen.key());
        inputs.put("discount", chosen.value());
        inputs.put("discountSource", chosen.source());
        inputs.put("costOfCapital", context.options().costOfCapital());
        Option recommended = option(chosen, baseline, context.options().costOfCapital());
        inputs.put("commitmentPerHour", recommended.commitmentPerHour());
        inputs.put("breakEvenMonths", recommended.breakEvenMonths());
        inputs.put("npv", recommended.npv());
        Map<String, Object> options = new LinkedHashMap<>();
        for (Rate rate : new java.util.TreeMap<>(rates).values()) {
            Option o = option(rate, baseline, context.options().costOfCapital());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("discount", rate.value());
            summary.put("monthlySavings", o.monthlySavings());
            summary.put("upfront", o.upfront());
            summary.put("breakEvenMonths", o.breakEvenMonths());
            summary.put("npv", o.npv());
            options.put(rate.key(), summary);
        }
        inputs.put("options", options);
        String target = "ServiceCategory=" + String.join("|",
                new java.util.TreeSet<>(context.options().commitmentServiceCategories()));
        boolean threeYears = chosen.key().startsWith("3yr");
        return List.of(Recommendation.builder(RecommendationType.COMMITMENT_PURCHASE, target)
                .title(String.format(java.util.Locale.ROOT, "Buy a %s savings plan of $%.2f/h for the stable "
                        + "on-demand baseline of $%.2f/h", chosen.key(), recommended.commitmentPerHour(), baseline))
                .currentMonthlyCost(baseline * Recommendation.HOURS_PER_MONTH)
                .monthlySavings(recommended.monthlySavings())
                .confidence(Confidence.round((double) covered / hours * Confidence.billingCoverage(hours)))
                .risk(threeYears ? RiskLevel.HIGH : RiskLevel.MEDIUM, List.of(
                        "a " + (threeYears ? "three" : "one") + "-year financial commitment",
                        "size it after acting on idle and rightsizing recommendations, which lower the baseline"))
                .effort(Effort.HIGH)
                .evidence(new Evidence(name(),
                        "monthlySavings = baseline × discount × 730; baseline = p" + (int) percentile
                                + " of hourly on-demand spend", inputs))
                .steps("Act on idle and rightsizing recommendations first",
                        "Buy a " + chosen.key() + " commitment of the recommended hourly amount",
                        "Track its utilization monthly")
                .rollback("None once purchased: commitments cannot be cancelled (some can be exchanged or sold)")
                .build());
    }

    private static Option option(Rate rate, double baseline, double costOfCapital) {
        int years = rate.key().startsWith("3yr") ? 3 : 1;
        double upfrontShare = rate.key().contains("all-upfront") ? 1 : rate.key().contains("partial") ? 0.5 : 0;
        double perHour = baseline * (1 - rate.value());
        double monthlySavings = baseline * rate.value() * Recommendation.HOURS_PER_MONTH;
        double upfront = upfrontShare * perHour * 8760 * years;
        double monthlyPayment = (1 - upfrontShare) * perHour * Recommendation.HOURS_PER_MONTH;
        double monthlyRate = costOfCapital / 12;
        double npv = -upfront;
        for (int m = 1; m <= 12 * years; m++) {
            npv += (baseline * Recommendation.HOURS_PER_MONTH - monthlyPayment) / Math.pow(1 + monthlyRate, m);
        }
        double breakEven = upfront == 0 ? 0 : upfront / (baseline * Recommendation.HOURS_PER_MONTH - monthlyPayment);
        return new Option(perHour, monthlySavings, upfront, Confidence.round(breakEven), npv);
    }

    private record Option(double commitmentPerHour, double monthlySavings, double upfront, double breakEvenMonths,
            double npv) {}
}
