package dev.costagent.core.recommend.rules;

import dev.costagent.core.recommend.catalog.PricingRates;
import dev.costagent.core.recommend.catalog.Rate;
import dev.costagent.core.recommend.model.Effort;
import dev.costagent.core.recommend.model.Evidence;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.recommend.model.RecommendationType;
import dev.costagent.core.recommend.model.RiskLevel;
import dev.costagent.core.recommend.spi.BillingWindow;
import dev.costagent.core.recommend.spi.RecommendationRule;
import dev.costagent.core.recommend.spi.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code STORAGE_TIER}: EBS gp2 volumes move to gp3, which costs less per GB-month for the same baseline performance
 * up to 1 TB. A resource is a gp2 volume when a usage ChargeDescription of it names {@code gp2}.
 *
 * <pre>
 * monthlySavings = gp2Cost / windowHours × 730 × (1 − price(gp3) / price(gp2))   (rates "aws-ebs-gp3/gp2", sourced)
 * confidence     = 0.9 × min(1, windowHours / 720); risk LOW (online change); effort LOW
 * </pre>
 */
public final class StorageTierRule implements RecommendationRule {

    private static final Pattern GP2 = Pattern.compile("(?i)(?<![a-z0-9])gp2(?![a-z0-9])");

    @Override
    public String name() {
        return "storage.ebs-gp2-to-gp3";
    }

    @Override
    public List<Recommendation> evaluate(RuleContext context) {
        BillingWindow w = context.window().orElse(null);
        if (w == null) {
            return List.of();
        }
        Rate gp2 = context.settings().rates().get(PricingRates.Kind.STORAGE, "aws-ebs-gp2");
        Rate gp3 = context.settings().rates().get(PricingRates.Kind.STORAGE, "aws-ebs-gp3");
        double ratio = gp3.value() / gp2.value();
        List<Recommendation> out = new ArrayList<>();
        // Only the gp2 descriptions are read, each matched once (descriptions repeat across resources, one per price).
        for (Map.Entry<String, Map<String, Double>> e :
                context.descriptions(d -> GP2.matcher(d).find()).entrySet()) {
            double cost = 0;
            String example = null;
            for (Map.Entry<String, Double> d : new TreeMap<>(e.getValue()).entrySet()) {
                cost += d.getValue();
                example = example == null ? d.getKey() : example;
            }
            if (example == null || cost <= 0) {
                continue;
            }
            double monthly = Recommendation.monthlyRate(cost, w.hours());
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("chargeDescription", example);
            inputs.put("gp2WindowCost", cost);
            inputs.put("windowHours", w.hours());
            inputs.put("gp2Price", gp2.value());
            inputs.put("gp3Price", gp3.value());
            inputs.put("priceSource", gp3.source());
            out.add(Recommendation.builder(RecommendationType.STORAGE_TIER, e.getKey())
                    .title("Move gp2 volume " + e.getKey() + " to gp3")
                    .currentMonthlyCost(monthly)
                    .monthlySavings(monthly * (1 - ratio))
                    .confidence(Confidence.round(0.9 * Confidence.billingCoverage(w.hours())))
                    .risk(
                            RiskLevel.LOW,
                            List.of(
                                    "online volume modification",
                                    "gp2 volumes over 1 TB had more baseline IOPS than gp3's 3000: provision IOPS to match"))
                    .effort(Effort.LOW)
                    .evidence(new Evidence(
                            name(),
                            "monthlySavings = gp2WindowCost / windowHours × 730 × (1 − gp3Price / gp2Price)",
                            inputs))
                    .steps(
                            "Modify volume " + e.getKey() + " to type gp3 (no detach needed)",
                            "Match IOPS and throughput if the volume is larger than 1 TB")
                    .rollback("Modify the volume back to gp2 (after the 6-hour modification cool-down)")
                    .build());
        }
        return out;
    }
}
