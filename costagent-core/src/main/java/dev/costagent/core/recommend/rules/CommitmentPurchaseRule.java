package dev.costagent.core.recommend.rules;

import dev.costagent.core.recommend.model.Effort;
import dev.costagent.core.recommend.model.Evidence;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.recommend.model.RecommendationType;
import dev.costagent.core.recommend.model.RiskLevel;
import dev.costagent.core.recommend.spi.CommitmentScope;
import dev.costagent.core.recommend.spi.RecommendationRule;
import dev.costagent.core.recommend.spi.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code COMMITMENT_PURCHASE}: one purchase per provider and billing account ({@link CommitmentScope}), sized on the
 * on-demand compute usage that remains after the run's exclusive actions and after existing unused commitments
 * absorb what they can, at that provider's own shipped or overridden rates, by simulating candidate levels over the
 * lookback as Cost Explorer and Azure Advisor do (see {@link CommitmentPlan}).
 *
 * <pre>
 * left[h]        = eligible on-demand cost in hour h − what planned actions remove − what unused commitments absorb
 * net(c)         = Σ_h min(left[h], c) − H × c × (1 − d)       (c: on-demand $/h covered; d: the option's discount)
 * level          = argmax net(c) over the 1st..100th percentiles of left[]
 * commitment/h   = level × (1 − d);  utilization = Σ_h min(left[h], level) / (H × level)
 * monthlySavings = net(level) / H × 730
 * breakEven      = upfront / (monthly on-demand avoided − monthly recurring payment) months (0 without upfront)
 * npv            = −upfront + Σ_{m=1..term} (monthly on-demand avoided − recurring payment) / (1 + costOfCapital/12)^m
 * confidence     = 0.9 × share of hours with left[h] ≥ level × min(1, H / 720)
 * risk           = MEDIUM for 1 year, HIGH for 3 years (lock-in); effort HIGH (a purchase decision)
 * </pre>
 */
public final class CommitmentPurchaseRule implements RecommendationRule {

    private final CommitmentOptions options;

    /** The rule with {@link CommitmentOptions#DEFAULTS}. */
    public CommitmentPurchaseRule() {
        this(CommitmentOptions.DEFAULTS);
    }

    /** The rule with the commitment settings (both commitment rules read the same plan, so take the same). */
    public CommitmentPurchaseRule(CommitmentOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /** This rule's settings. */
    public CommitmentOptions options() {
        return options;
    }

    @Override
    public String name() {
        return "commitment.simulated-purchase";
    }

    @Override
    public boolean sizedAfterActions() {
        return true;
    }

    @Override
    public List<Recommendation> evaluate(RuleContext context) {
        List<Recommendation> out = new ArrayList<>();
        for (CommitmentPlan.Purchase p : CommitmentPlan.of(context, options).purchases) {
            CommitmentPlan.Simulation s = p.chosen();
            String cur = p.scope().currency();
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("provider", p.scope().provider());
            inputs.put("billingAccountId", p.scope().billingAccountId());
            inputs.put("currency", cur);
            inputs.put("hours", p.hours());
            inputs.put("eligibleOnDemandMonthly", p.eligibleMonthly());
            inputs.put("removedByActionsMonthly", p.removedByActionsMonthly());
            inputs.put("removedByResource", p.removedByResource());
            inputs.put("absorbedByUnusedCommitmentsMonthly", p.absorbedByUnusedMonthly());
            inputs.put("option", s.option());
            inputs.put("discount", s.rate().value());
            inputs.put("discountSource", s.rate().source());
            inputs.put("discountAsOf", s.rate().asOf());
            inputs.put("coveredOnDemandPerHour", s.level());
            inputs.put("commitmentPerHour", s.commitmentPerHour());
            inputs.put("expectedUtilization", s.utilization());
            inputs.put("monthlyNetSavings", s.monthlyNetSavings());
            inputs.put("upfront", s.upfront());
            inputs.put("breakEvenMonths", s.breakEvenMonths());
            inputs.put("costOfCapital", options.costOfCapital());
            inputs.put("npv", s.npv());
            Map<String, Object> options = new LinkedHashMap<>();
            p.options().forEach((key, o) -> {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("discount", o.rate().value());
                summary.put("commitmentPerHour", o.commitmentPerHour());
                summary.put("expectedUtilization", o.utilization());
                summary.put("monthlySavings", o.monthlyNetSavings());
                summary.put("upfront", o.upfront());
                summary.put("breakEvenMonths", o.breakEvenMonths());
                summary.put("npv", o.npv());
                options.put(key, summary);
            });
            inputs.put("options", options);
            boolean threeYears = s.termMonths() == 36;
            out.add(Recommendation.builder(
                            RecommendationType.COMMITMENT_PURCHASE, p.scope().target())
                    .title(String.format(
                            Locale.ROOT,
                            "Buy a %s %s commitment of %s %.2f/h for billing account %s "
                                    + "(covers %.2f/h of the on-demand compute left after the other actions)",
                            p.scope().provider(),
                            s.option(),
                            cur,
                            s.commitmentPerHour(),
                            p.scope().billingAccountId(),
                            s.level()))
                    .currency(cur)
                    .currentMonthlyCost(s.level() * s.utilization() * Recommendation.HOURS_PER_MONTH)
                    .monthlySavings(s.monthlyNetSavings())
                    .confidence(Confidence.round(0.9 * p.coveredShareOfHours() * Confidence.billingCoverage(p.hours())))
                    .risk(
                            threeYears ? RiskLevel.HIGH : RiskLevel.MEDIUM,
                            List.of(
                                    "a " + (threeYears ? "three" : "one") + "-year financial commitment",
                                    "sized on the usage left after this report's other actions: act on them first"))
                    .effort(Effort.HIGH)
                    .evidence(new Evidence(
                            name(),
                            "monthlySavings = (Σ_h min(left[h], level) − H × level × (1 − discount)) / H × 730; "
                                    + "level maximizes it over the percentiles of left[]; left = on-demand compute "
                                    + "cost per hour after the recommended actions and unused commitments",
                            inputs))
                    .steps(
                            "Act on this report's idle, rightsizing, schedule and spot recommendations first",
                            "Buy a " + s.option() + " commitment of "
                                    + String.format(Locale.ROOT, "%.2f", s.commitmentPerHour()) + " " + cur + "/h for "
                                    + p.scope().target(),
                            "Track its utilization monthly")
                    .rollback("None once purchased: commitments cannot be cancelled (some can be exchanged or sold)")
                    .build());
        }
        return out;
    }
}
