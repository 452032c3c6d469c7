package dev.costagent.core.recommend.rules;

import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import dev.costagent.core.analysis.utilization.UtilizationVerdict.Verdict;
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
import java.util.Optional;

/**
 * {@code TERMINATE_IDLE} and {@code STOP_IDLE}: a resource whose verdict is IDLE (CPU p95 ≤ 5% and, when measured,
 * network ≤ 5 MB a day and memory not moving: see {@link dev.costagent.core.analysis.utilization}) costs its whole
 * run rate for nothing.
 *
 * <pre>
 * monthlySavings = removableMonthlyCost = (windowCost − Committed cost) / spanHours × 730
 *                  (the whole run rate except amortized commitment, which stays payable)
 * type           = TERMINATE_IDLE if CPU max ≤ terminateMaxCpu (10%), else STOP_IDLE (occasional use: keep it)
 * confidence     = 0.9 × min(1, CPU span hours / 336)
 * risk           = TERMINATE: MEDIUM (deletes the instance), HIGH when not tagged non-production; STOP: LOW
 * </pre>
 */
public final class IdleRule implements RecommendationRule {

    /**
     * This rule's settings.
     *
     * @param terminateMaxCpu an idle resource whose CPU never exceeded this % is terminated, else stopped (10)
     */
    public record Options(double terminateMaxCpu) {
        /** The documented defaults. */
        public static final Options DEFAULTS = new Options(10);
    }

    private final Options options;

    /** The rule with {@link Options#DEFAULTS}. */
    public IdleRule() {
        this(Options.DEFAULTS);
    }

    /** The rule with its settings. */
    public IdleRule(Options options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /** This rule's settings. */
    public Options options() {
        return options;
    }

    @Override
    public String name() {
        return "idle.cpu-p95";
    }

    @Override
    public List<Recommendation> evaluate(RuleContext context) {
        List<Recommendation> out = new ArrayList<>();
        for (UtilizationVerdict verdict : context.utilization().values()) {
            if (verdict.verdict() != Verdict.IDLE) {
                continue;
            }
            Optional<ResourceProfile> profile = context.profile(verdict.resourceId());
            if (profile.isEmpty()) {
                context.warn("idle resource " + verdict.resourceId() + " has no usage cost in the billing window");
                continue;
            }
            ResourceProfile p = profile.get();
            if (context.stale(p)) {
                continue;
            }
            boolean terminate = verdict.max() <= options.terminateMaxCpu();
            boolean nonProd = context.nonProduction(p.resourceId());
            RecommendationType type = terminate ? RecommendationType.TERMINATE_IDLE : RecommendationType.STOP_IDLE;
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("verdict", verdict.verdict().name());
            inputs.put("cpuP95", verdict.p95());
            inputs.put("cpuMax", verdict.max());
            inputs.put("cpuSamples", verdict.samples());
            inputs.put("cpuSpanHours", verdict.spanHours());
            inputs.put("windowCost", p.windowCost());
            inputs.put("spanHours", p.spanHours());
            inputs.put("monthlyCost", p.monthlyCost());
            inputs.put("committedCost", p.committedCost());
            inputs.put("removableMonthlyCost", p.removableMonthlyCost());
            if (verdict.network() != null) {
                inputs.put("networkBytesPerDayMax", verdict.network().max());
            }
            if (verdict.memory() != null) {
                inputs.put("memoryP50", verdict.memory().p50());
                inputs.put("memoryP95", verdict.memory().p95());
            }
            inputs.put("environment", String.valueOf(context.environment(p.resourceId())));
            List<String> factors = new ArrayList<>();
            RiskLevel risk;
            if (terminate) {
                factors.add("terminating deletes the instance and its local storage");
                risk = RiskLevel.MEDIUM;
                if (!nonProd) {
                    factors.add("not tagged non-production");
                    risk = RiskLevel.HIGH;
                }
            } else {
                factors.add("CPU max " + Math.round(verdict.max()) + "% shows occasional use; stopping is reversible");
                risk = RiskLevel.LOW;
            }
            Recommendation.Builder b = Recommendation.builder(type, p.resourceId())
                    .currentMonthlyCost(p.monthlyCost())
                    .monthlySavings(p.removableMonthlyCost())
                    .confidence(Confidence.round(0.9 * Confidence.utilizationCoverage(verdict)))
                    .risk(risk, factors)
                    .effort(Effort.LOW)
                    .evidence(new Evidence(
                            name(),
                            "monthlySavings = (windowCost − committedCost) / spanHours × 730 (the run rate an idle "
                                    + "resource wastes, less amortized commitment that stays payable)",
                            inputs));
            if (terminate) {
                b.title("Terminate idle " + p.resourceId() + " (CPU p95 " + pct(verdict.p95()) + ")")
                        .steps(
                                "Confirm with the owner that nothing depends on " + p.resourceId(),
                                "Snapshot its volumes",
                                "Terminate it")
                        .rollback("Launch a new instance from the snapshot");
            } else {
                b.title("Stop idle " + p.resourceId() + " (CPU p95 " + pct(verdict.p95()) + ")")
                        .steps("Tell the owner", "Stop the instance; start it when needed")
                        .rollback("Start the instance");
            }
            out.add(b.build());
        }
        return out;
    }

    static String pct(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", value);
    }
}
