package dev.costagent.core.recommend.rules;

import dev.costagent.core.recommend.catalog.PricingRates;
import dev.costagent.core.recommend.catalog.Rate;
import dev.costagent.core.recommend.model.Effort;
import dev.costagent.core.recommend.model.Evidence;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.recommend.model.RecommendationType;
import dev.costagent.core.recommend.model.RiskLevel;
import dev.costagent.core.recommend.spi.RecommendationRule;
import dev.costagent.core.recommend.spi.ResourceProfile;
import dev.costagent.core.recommend.spi.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code SPOT_CANDIDATE}: a virtual machine (Compute, with a known instance type) whose workload tag says it tolerates interruption ({@code workload} in
 * {@code batch, ci, build, spot-ok}) runs on spot capacity.
 *
 * <pre>
 * monthlySavings = onDemandMonthlyCost × spotDiscount   (the configurable, sourced rate "spot/default"; Standard
 *                  cost only)
 * skipped        when half or more of its cost is already Dynamic (spot or preemptible)
 * confidence     = 0.5 (spot prices move); risk MEDIUM (interruptions); effort MEDIUM
 * </pre>
 */
public final class SpotRule implements RecommendationRule {

    @Override
    public String name() {
        return "spot.workload-tag";
    }

    @Override
    public List<Recommendation> evaluate(RuleContext context) {
        List<Recommendation> out = new ArrayList<>();
        String key = context.settings().spotTagKey();
        Rate rate = context.settings().rates().get(PricingRates.Kind.SPOT, "default");
        for (ResourceProfile p : context.profiles().values()) {
            // the profile's own checks first, then the tag, the instance type last (each check is pure)
            if (context.stale(p)
                    || p.dynamicShare() >= 0.5
                    || p.onDemandMonthlyCost() <= 0
                    || !context.spotTolerant(p.resourceId())
                    || !context.schedulable(p.resourceId())) {
                continue;
            }
            String workload = context.tag(p.resourceId(), key);
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("tag:" + key, workload);
            inputs.put("monthlyCost", p.monthlyCost());
            inputs.put("onDemandMonthlyCost", p.onDemandMonthlyCost());
            inputs.put("spotDiscountAsOf", rate.asOf());
            inputs.put("spotDiscount", rate.value());
            inputs.put("spotDiscountSource", rate.source());
            out.add(Recommendation.builder(RecommendationType.SPOT_CANDIDATE, p.resourceId())
                    .title("Run " + workload + " workload " + p.resourceId() + " on spot capacity")
                    .currentMonthlyCost(p.monthlyCost())
                    .monthlySavings(p.onDemandMonthlyCost() * rate.value())
                    .confidence(0.5)
                    .risk(
                            RiskLevel.MEDIUM,
                            List.of(
                                    "spot capacity can be reclaimed at short notice",
                                    "the discount varies by type, region and time"))
                    .effort(Effort.MEDIUM)
                    .evidence(new Evidence(name(), "monthlySavings = onDemandMonthlyCost × spotDiscount", inputs))
                    .steps(
                            "Make the workload checkpoint or retry on interruption",
                            "Move it to a spot-backed group (e.g. an EC2 Auto Scaling group with a spot allocation)")
                    .rollback("Switch the group back to on-demand capacity")
                    .build());
        }
        return out;
    }
}
