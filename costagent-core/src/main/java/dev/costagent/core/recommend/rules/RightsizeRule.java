package dev.costagent.core.recommend.rules;

import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import dev.costagent.core.analysis.utilization.UtilizationVerdict.Verdict;
import dev.costagent.core.recommend.catalog.InstanceType;
import dev.costagent.core.recommend.inventory.ResolvedType;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code RIGHTSIZE}: an OVER_PROVISIONED resource (CPU p95 &lt; 40% and p99 &lt; 80%) moves to the cheapest type that
 * fits its measured CPU and, when measured, memory, with headroom.
 *
 * <pre>
 * cpuNeed        = cpuP95 × vcpu(current)                         (vCPU-percent)
 * memoryNeed     = memoryP95 × memory(current) × (1 + memoryHeadroom)   (GiB; headroom 20 %, Compute Optimizer's default)
 * fits(t)        = price(t) &lt; price(current)
 *                  and cpuNeed / vcpu(t) ≤ targetCpuP95 (80 %: 20 % CPU headroom)
 *                  and memory(t) ≥ memoryNeed                          when memory is measured
 *                  and vcpu(t) &lt; vcpu(current), memory(t) ≥ memory(current) across families   when it is not
 *                  and, for a burstable t: cpuMean × vcpu(current) / vcpu(t) ≤ baselineCpu(t)
 *                      (the credits it earns sustain the load; a burstable type without a known baseline is left out)
 * target         = cheapest fitting size of the same family; else the cheapest fitting type of the provider's other
 *                  fixed-performance families (m5 → r5 for a memory-heavy host)
 * monthlySavings = onDemandMonthlyCost × (1 − price(target) / price(current))   (Standard cost only)
 * confidence     = 0.8 × min(1, CPU span hours / 336)
 * risk           = MEDIUM (needs a restart; without a memory series, memory use is unknown)
 * </pre>
 * The savings scale the resource's actual on-demand cost by the catalog's price ratio, so negotiated discounts carry
 * over. Resources whose type is unknown or not in the catalog are reported as warnings, never guessed.
 */
public final class RightsizeRule implements RecommendationRule {

    /**
     * This rule's settings.
     *
     * @param targetCpuP95 the smallest size keeping projected CPU p95 at most this % is picked (80: 20 % headroom)
     * @param memoryHeadroom memory kept ≥ measured memory p95 × (1 + this) (0.20, AWS Compute Optimizer's default)
     */
    public record Options(double targetCpuP95, double memoryHeadroom) {
        /** The documented defaults. */
        public static final Options DEFAULTS = new Options(80, 0.20);

        /** Validates. */
        public Options {
            if (!(memoryHeadroom >= 0 && memoryHeadroom < 10)) {
                throw new IllegalArgumentException("memoryHeadroom must be in [0, 10), got " + memoryHeadroom);
            }
        }
    }

    private final Options options;

    /** The rule with {@link Options#DEFAULTS}. */
    public RightsizeRule() {
        this(Options.DEFAULTS);
    }

    /** The rule with its settings. */
    public RightsizeRule(Options options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /** This rule's settings. */
    public Options options() {
        return options;
    }

    @Override
    public String name() {
        return "rightsize.cpu-memory-p95";
    }

    @Override
    public List<Recommendation> evaluate(RuleContext context) {
        List<Recommendation> out = new ArrayList<>();
        double target = options.targetCpuP95();
        double headroom = options.memoryHeadroom();
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
                context.warn("cannot rightsize " + id + ": instance type "
                        + resolved.get().name() + " is not in the catalog (add it to a catalog override)");
                continue;
            }
            InstanceType current = resolved.get().catalogEntry().get();
            if (current.burstable() && current.baselineCpuPercent() <= 0) {
                context.warn("cannot rightsize " + id + ": " + current.name() + " is burstable and its baseline CPU "
                        + "is not in the catalog (add baselineCpu to a catalog override)");
                continue;
            }
            Fit fit = new Fit(current, verdict, target, headroom);
            InstanceType best = null;
            for (InstanceType size : context.settings().catalog().family(current.family())) {
                if (fit.fits(size, true)) {
                    best = size;
                    break; // the family is sorted cheapest first
                }
            }
            boolean crossFamily = false;
            if (best == null) {
                for (List<InstanceType> family : context.settings().catalog().otherFamilies(current)) {
                    for (InstanceType size : family) {
                        if (!size.burstable()
                                && fit.fits(size, false)
                                && (best == null || size.hourlyUsd() < best.hourlyUsd())) {
                            best = size;
                            crossFamily = true;
                            break;
                        }
                    }
                }
            }
            ResourceProfile p = profile.get();
            if (best == null || p.onDemandMonthlyCost() <= 0) {
                continue; // already the cheapest type that fits, or nothing on-demand to save
            }
            double ratio = best.hourlyUsd() / current.hourlyUsd();
            double savings = p.onDemandMonthlyCost() * (1 - ratio);
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("verdict", verdict.verdict().name());
            inputs.put("cpuP95", verdict.p95());
            inputs.put("cpuP99", verdict.p99());
            inputs.put("cpuMean", verdict.mean());
            if (verdict.hasMemory()) {
                inputs.put("memoryP95", verdict.memory().p95());
                inputs.put("memoryNeedGiB", fit.memoryNeed);
                inputs.put("memoryHeadroom", headroom);
            }
            inputs.put("currentType", current.name());
            inputs.put("currentTypeSource", resolved.get().source());
            inputs.put("currentPrice", current.hourlyUsd());
            inputs.put("currentVcpu", current.vcpu());
            inputs.put("currentMemoryGiB", current.memoryGib());
            inputs.put("targetType", best.name());
            inputs.put("targetFamily", best.family());
            inputs.put("targetPrice", best.hourlyUsd());
            inputs.put("targetVcpu", best.vcpu());
            inputs.put("targetMemoryGiB", best.memoryGib());
            if (best.burstable()) {
                inputs.put("targetBaselineCpu", best.baselineCpuPercent());
                inputs.put("projectedCpuMean", verdict.mean() * current.vcpu() / best.vcpu());
            }
            inputs.put("priceSource", best.source());
            inputs.put("priceAsOf", best.asOf());
            inputs.put("projectedCpuP95", verdict.p95() * current.vcpu() / best.vcpu());
            inputs.put("monthlyCost", p.monthlyCost());
            inputs.put("onDemandMonthlyCost", p.onDemandMonthlyCost());
            List<String> factors = new ArrayList<>();
            if (verdict.hasMemory()) {
                factors.add(String.format(
                        Locale.ROOT,
                        "memory p95 %.0f%% of %s GiB needs %.1f GiB with %.0f%% " + "headroom; target has %s GiB",
                        verdict.memory().p95(),
                        fmt(current.memoryGib()),
                        fit.memoryNeed,
                        headroom * 100,
                        fmt(best.memoryGib())));
            } else {
                factors.add("memory utilization unknown: target has " + fmt(best.memoryGib()) + " GiB vs "
                        + fmt(current.memoryGib()) + " GiB");
            }
            if (crossFamily) {
                factors.add("moves from family " + current.family() + " to " + best.family()
                        + ": check the image supports it");
            }
            factors.add("resizing needs a stop and start");
            out.add(Recommendation.builder(RecommendationType.RIGHTSIZE, id)
                    .title("Rightsize " + id + " from " + current.name() + " to " + best.name())
                    .currency(context.currency(id))
                    .currentMonthlyCost(p.monthlyCost())
                    .monthlySavings(savings)
                    .confidence(Confidence.round(0.8 * Confidence.utilizationCoverage(verdict)))
                    .risk(RiskLevel.MEDIUM, factors)
                    .effort(Effort.MEDIUM)
                    .evidence(new Evidence(
                            name(),
                            "monthlySavings = onDemandMonthlyCost × (1 − targetPrice / currentPrice); target = cheapest "
                                    + "type (same family first) with cpuP95 × currentVcpu / targetVcpu ≤ "
                                    + fmt(target) + "%"
                                    + (verdict.hasMemory()
                                            ? " and memory ≥ memoryP95 × currentMemory × " + fmt(1 + headroom)
                                            : ""),
                            inputs))
                    .steps(
                            verdict.hasMemory()
                                    ? "Confirm the memory peak of " + id + " stays under " + fmt(best.memoryGib())
                                            + " GiB"
                                    : "Check memory use of " + id + " fits " + fmt(best.memoryGib()) + " GiB",
                            "Stop the instance, change its type to " + best.name() + ", start it",
                            "Watch CPU and memory for a week")
                    .rollback("Change the type back to " + current.name())
                    .build());
        }
        return out;
    }

    /** Whether a type fits the measured load of one resource. */
    private static final class Fit {
        final InstanceType current;
        final UtilizationVerdict verdict;
        final double targetCpu;
        final double memoryNeed;

        Fit(InstanceType current, UtilizationVerdict verdict, double targetCpu, double headroom) {
            this.current = current;
            this.verdict = verdict;
            this.targetCpu = targetCpu;
            this.memoryNeed = verdict.hasMemory()
                    ? verdict.memory().p95() / 100 * current.memoryGib() * (1 + headroom)
                    : Double.NaN;
        }

        boolean fits(InstanceType t, boolean sameFamily) {
            if (!(t.hourlyUsd() < current.hourlyUsd())) {
                return false;
            }
            if (verdict.p95() * current.vcpu() / t.vcpu() > targetCpu) {
                return false;
            }
            if (verdict.hasMemory()) {
                if (t.memoryGib() < memoryNeed) {
                    return false;
                }
            } else if (!(t.vcpu() < current.vcpu()) || (!sameFamily && t.memoryGib() < current.memoryGib())) {
                // Fewer vCPUs is what CPU data justifies; without memory data a move must not lose memory across
                // families, and same-vCPU sizes differ only in memory, which CPU data cannot judge.
                return false;
            }
            if (t.burstable()) {
                return t.baselineCpuPercent() > 0
                        && verdict.mean() * current.vcpu() / t.vcpu() <= t.baselineCpuPercent();
            }
            return true;
        }
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
