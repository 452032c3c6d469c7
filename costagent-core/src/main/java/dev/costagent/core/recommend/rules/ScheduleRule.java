package dev.costagent.core.recommend.rules;

import dev.costagent.core.focus.Granularity;
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
import java.util.TreeMap;

/**
 * {@code SCHEDULE}: a virtual machine (ServiceCategory in {@code scheduleServiceCategories} and a known instance type)
 * tagged non-production that runs around the clock is turned off outside working hours.
 *
 * <pre>
 * alwaysOn       = activeHours / spanHours ≥ 0.95   (hours with cost, from an hourly query over the candidates only)
 * hoursSaved     = 730 × (168 − onHoursPerWeek) / 168          (onHoursPerWeek 60: weekdays 08:00–20:00)
 * monthlySavings = onDemandMonthlyCost × (168 − onHoursPerWeek) / 168   (Standard cost only: Committed cost stays
 *                  payable, Dynamic usage is spot already)
 * confidence     = 0.85 × min(1, spanHours / 720)
 * risk           = LOW (stop and start are reversible); effort LOW
 * </pre>
 */
public final class ScheduleRule implements RecommendationRule {

    /**
     * This rule's settings.
     *
     * @param alwaysOnShare a resource is always on when it has cost in at least this share of the hours it existed
     *     (0.95)
     * @param onHoursPerWeek hours a scheduled resource keeps running per week (60: weekdays 08:00–20:00)
     */
    public record Options(double alwaysOnShare, double onHoursPerWeek) {
        /** The documented defaults. */
        public static final Options DEFAULTS = new Options(0.95, 60);

        /** Validates. */
        public Options {
            if (!(onHoursPerWeek >= 0 && onHoursPerWeek <= 168)) {
                throw new IllegalArgumentException("scheduleOnHoursPerWeek must be in [0, 168], got " + onHoursPerWeek);
            }
        }
    }

    private final Options options;

    /** The rule with {@link Options#DEFAULTS}. */
    public ScheduleRule() {
        this(Options.DEFAULTS);
    }

    /** The rule with its settings. */
    public ScheduleRule(Options options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /** This rule's settings. */
    public Options options() {
        return options;
    }

    @Override
    public String name() {
        return "schedule.non-production";
    }

    @Override
    public List<Recommendation> evaluate(RuleContext context) {
        // Hours off are judged from hourly rows; daily or monthly rows show no hours, and none are invented.
        List<String> coarse = context.granularity().entrySet().stream()
                .filter(e -> e.getValue() == Granularity.DAILY || e.getValue() == Granularity.MONTHLY)
                .map(e -> e.getKey() + " (" + e.getValue().label() + ")")
                .toList();
        if (!coarse.isEmpty()) {
            context.warn(name() + " skipped for " + String.join(", ", coarse)
                    + ": rows longer than an hour (ChargePeriodEnd - ChargePeriodStart) show no working hours");
            if (context.granularity().values().stream().noneMatch(Granularity::showsHours)) {
                return List.of();
            }
        }
        // Candidates: non-production compute with cost every day; only they go through the hourly query.
        Map<String, ResourceProfile> candidates = new TreeMap<>();
        for (ResourceProfile p : context.profiles().values()) {
            // the profile's own checks first, then the tags, the instance type last (each check is pure)
            if (!context.stale(p)
                    && p.everyDay()
                    && context.nonProduction(p.resourceId())
                    && context.schedulable(p.resourceId())) {
                candidates.put(p.resourceId(), p);
            }
        }
        Map<String, Long> activeHours = context.activeHours(candidates.keySet());
        List<Recommendation> out = new ArrayList<>();
        double onHours = options.onHoursPerWeek();
        double offShare = (168 - onHours) / 168;
        for (ResourceProfile p : candidates.values()) {
            long active = activeHours.getOrDefault(p.resourceId(), 0L);
            if (active < options.alwaysOnShare() * p.spanHours()) {
                continue;
            }
            double hoursSaved = Recommendation.HOURS_PER_MONTH * offShare;
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("environment", context.environment(p.resourceId()));
            inputs.put("activeHours", active);
            inputs.put("spanHours", p.spanHours());
            inputs.put("hourlyRate", p.windowCost() / active);
            inputs.put("onHoursPerWeek", onHours);
            inputs.put("hoursSavedPerMonth", hoursSaved);
            inputs.put("monthlyCost", p.monthlyCost());
            inputs.put("onDemandMonthlyCost", p.onDemandMonthlyCost());
            out.add(Recommendation.builder(RecommendationType.SCHEDULE, p.resourceId())
                    .title("Schedule " + context.environment(p.resourceId()) + " resource " + p.resourceId()
                            + " off outside working hours")
                    .currentMonthlyCost(p.monthlyCost())
                    .monthlySavings(p.onDemandMonthlyCost() * offShare)
                    .confidence(Confidence.round(0.85 * Confidence.billingCoverage(p.spanHours())))
                    .risk(
                            RiskLevel.LOW,
                            List.of("tagged " + context.environment(p.resourceId())
                                    + "; stopping outside working hours is reversible"))
                    .effort(Effort.LOW)
                    .evidence(new Evidence(
                            name(), "monthlySavings = onDemandMonthlyCost × (168 − onHoursPerWeek) / 168", inputs))
                    .steps(
                            "Agree working hours with the owning team",
                            "Add a stop/start schedule (e.g. AWS Instance Scheduler, Azure start/stop VMs)",
                            "Check the first scheduled morning start")
                    .rollback("Remove the schedule")
                    .build());
        }
        return out;
    }
}
