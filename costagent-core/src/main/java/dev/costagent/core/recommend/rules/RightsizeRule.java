package dev.costagent.core.recommend.rules;

import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import dev.costagent.core.analysis.utilization.UtilizationVerdict.Verdict;
import dev.costagent.core.recommend.Effort;
import dev.costagent.core.recommend.Evidence;
import dev.costagent.core.recommend.Recommendation;
import dev.costagent.core.recommend.RecommendationType;
import dev.costagent.core.recommend.RiskLevel;
import dev.costagent.core.recommend.catalog.InstanceType;
import dev.costagent.core.recommend.inventory.ResolvedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code RIGHTSIZE}: an OVER_PROVISIONED resource (CPU p95 &lt; 40% and p99 &lt; 80%) moves to the cheapest size of
 * its family whose projected CPU p95 stays within the target.
 *
 * <pre>
 * projectedP95(t) = p95 × vcpu(current) / vcpu(t)
 * target          = cheapest t in family(current) with price(t) &lt; price(current), vcpu(t) &lt; vcpu(current)
 *                   and projectedP95(t) ≤ 80%
 * monthlySavings  = monthlyCost × (1 − price(target) / price(current))
 * confidence      = 0.8 × min(1, CPU span hours / 336)
 * risk            = MEDIUM (memory use unknown; needs a restart)
 * </pre>
 * The savings scale the resource's actual cost by the catalog's price ratio, so negotiated discounts carry over.
 * Resources whose type is unknown or not in the catalog are reported as warnings, never guessed.
 */
public final class RightsizeRule implements RecommendationRule {

    @Override
    public String name() {
        return "rightsize.cpu-p95";
    }

    @Override
    public List<Recommendation> evaluate(RuleContext context) {
        List<Recommendation> out = new ArrayList<>();
        double target = context.options().targetCpuP95();
        for (UtilizationVerdict verdict : context.utilization().values()) {
            if (verdict.verdict() != Verdict.OVER_PROVISIONED) {
                continue;
            }
            String id = verdict.resourceId();
            Optional<ResourceProfile> profile = context.profile(id);
            if (profile.isEmpty() || context.stale(profile.get())) {
                continue;
            }
            Optional<ResolvedType> resolved = context.instanceType(id);
            if (resolved.isEmpty()) {
                context.warn("cannot rightsize " + id + ": instance type unknown (add it to the inventory file)");
                continue;
            }
            if (resolved.get().catalogEntry().isEmpty()) {
                context.warn("cannot rightsize " + id + ": instance type " + resolved.get().name()
                        + " is not in the catalog (add it to a catalog override)");
                continue;
            }
            InstanceType current = resolved.get().catalogEntry().get();
            InstanceType best = null;
            for (InstanceType size : context.options().catalog().family(current.family())) {
                double projected = verdict.p95() * current.vcpu() / size.vcpu();
                // Fewer vCPUs is what CPU data justifies; same-vCPU sizes differ only in memory, which it cannot.
                if (size.hourlyUsd() < current.hourlyUsd() && size.vcpu() < current.vcpu() && projected <= target) {
                    best = size;
                    break; // the family is sorted cheapest first
                }
            }
            if (best == null) {
                continue; // already the smallest size that fits
            }
            ResourceProfile p = profile.get();
            double ratio = best.hourlyUsd() / current.hourlyUsd();
            double savings = p.monthlyCost() * (1 - ratio);
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("verdict", verdict.verdict().name());
            inputs.put("cpuP95", verdict.p95());
            inputs.put("cpuP99", verdict.p99());
            inputs.put("currentType", current.name());
            inputs.put("currentTypeSource", resolved.get().source());
            inputs.put("currentPrice", current.hourlyUsd());
            inputs.put("currentVcpu", current.vcpu());
            inputs.put("targetType", best.name());
            inputs.put("targetPrice", best.hourlyUsd());
            inputs.put("targetVcpu", best.vcpu());
            inputs.put("projectedCpuP95", verdict.p95() * current.vcpu() / best.vcpu());
            inputs.put("monthlyCost", p.monthlyCost());
            List<String> factors = new ArrayList<>();
            factors.add("memory utilization unknown: target has " + fmt(best.memoryGib()) + " GiB vs "
                    + fmt(current.memoryGib()) + " GiB");
            factors.add("resizing needs a stop and start");
            out.add(Recommendation.builder(RecommendationType.RIGHTSIZE, id)
                    .title("Rightsize " + id + " from " + current.name() + " to " + best.name())
                    .currentMonthlyCost(p.monthlyCost())
                    .monthlySavings(savings)
                    .confidence(Confidence.round(0.8 * Confidence.utilizationCoverage(verdict)))
                    .risk(RiskLevel.MEDIUM, factors)
                    .effort(Effort.MEDIUM)
                    .evidence(new Evidence(name(),
                            "monthlySavings = monthlyCost × (1 − targetPrice / currentPrice); target = cheapest size "
                                    + "of the family with cpuP95 × currentVcpu / targetVcpu ≤ " + fmt(target) + "%",
                            inputs))
                    .steps("Check memory use of " + id + " fits " + fmt(best.memoryGib()) + " GiB",
                            "Stop the instance, change its type to " + best.name() + ", start it",
                            "Watch CPU for a week")
                    .rollback("Change the type back to " + current.name())
                    .build());
        }
        return out;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
