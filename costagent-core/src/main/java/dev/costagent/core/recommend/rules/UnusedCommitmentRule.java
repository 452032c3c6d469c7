package dev.costagent.core.recommend.rules;

import dev.costagent.core.recommend.model.Effort;
import dev.costagent.core.recommend.model.Evidence;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.recommend.model.RecommendationType;
import dev.costagent.core.recommend.model.RiskLevel;
import dev.costagent.core.recommend.spi.RecommendationRule;
import dev.costagent.core.recommend.spi.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code UNUSED_COMMITMENT}: a commitment (reservation or savings plan) billed for capacity nothing used. FOCUS marks
 * that cost with {@code CommitmentDiscountStatus = Unused}. The unused capacity is paid either way; what moving
 * on-demand usage onto it saves is the on-demand cost it absorbs, and that usage then no longer sizes a new purchase
 * (see {@link CommitmentPlan}: netted per provider and billing account).
 *
 * <pre>
 * unused/h       = unusedCost / hours(first unused day .. window end)
 * absorbed[h]    = min(on-demand compute left in hour h after the planned actions, Σ unused/h of the scope)
 * monthlySavings = its share of Σ_h absorbed[h] / H × 730   (0 when no on-demand usage is left to move)
 * utilization    = 1 − unusedCost / commitmentCost
 * confidence     = 0.75 × min(1, hours / 720); risk LOW; effort MEDIUM
 * </pre>
 */
public final class UnusedCommitmentRule implements RecommendationRule {

    private final CommitmentOptions options;

    /** The rule with {@link CommitmentOptions#DEFAULTS}. */
    public UnusedCommitmentRule() {
        this(CommitmentOptions.DEFAULTS);
    }

    /** The rule with the commitment settings (both commitment rules read the same plan, so take the same). */
    public UnusedCommitmentRule(CommitmentOptions options) {
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /** This rule's settings. */
    public CommitmentOptions options() {
        return options;
    }

    @Override
    public String name() {
        return "commitment.unused";
    }

    @Override
    public boolean sizedAfterActions() {
        return true;
    }

    @Override
    public List<Recommendation> evaluate(RuleContext context) {
        List<Recommendation> out = new ArrayList<>();
        for (CommitmentPlan.Unused u : CommitmentPlan.of(context, options).unused) {
            double monthlyUnused = Recommendation.monthlyRate(u.unusedCost(), u.hours());
            double monthlyTotal = Recommendation.monthlyRate(u.commitmentCost(), u.hours());
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("commitmentDiscountId", u.commitmentId());
            inputs.put("provider", u.scope().provider());
            inputs.put("billingAccountId", u.scope().billingAccountId());
            inputs.put("unusedCost", u.unusedCost());
            inputs.put("commitmentCost", u.commitmentCost());
            inputs.put("hours", u.hours());
            inputs.put("utilization", u.utilization());
            inputs.put("monthlyUnused", monthlyUnused);
            inputs.put("absorbableOnDemandMonthly", u.absorbedMonthly());
            out.add(Recommendation.builder(RecommendationType.UNUSED_COMMITMENT, u.commitmentId())
                    .title("Use or retire commitment " + u.commitmentId() + " (" + Math.round(u.utilization() * 100)
                            + "% utilized)")
                    .currency(u.scope().currency())
                    .currentMonthlyCost(monthlyTotal)
                    .monthlySavings(u.absorbedMonthly())
                    .confidence(Confidence.round(0.75 * Confidence.billingCoverage(u.hours())))
                    .risk(RiskLevel.LOW, List.of("the commitment is paid either way; only how it is used changes"))
                    .effort(Effort.MEDIUM)
                    .evidence(new Evidence(
                            name(),
                            "monthlySavings = on-demand compute cost the unused commitment "
                                    + "can absorb, per hour min(left on-demand, unused/h), × 730",
                            inputs))
                    .steps(
                            "Find on-demand usage the commitment could cover (same family/region, or any compute "
                                    + "for a compute savings plan) and move it there",
                            "Otherwise exchange or sell it where the provider allows, and do not renew it")
                    .rollback("Move the workloads back")
                    .build());
        }
        return out;
    }
}
