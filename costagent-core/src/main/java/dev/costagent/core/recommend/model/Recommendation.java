package dev.costagent.core.recommend.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.google.common.hash.Hashing;
import java.util.List;

/**
 * One way to save money, with the numbers and the evidence behind them.
 *
 * <p>Monthly means 730 hours; annual savings are twelve months. Money is in {@link #currency()}, the
 * BillingCurrency of the rows the recommendation was computed from, rounded to cents.
 *
 * @param id stable across runs: a hash of type and target (see {@link #idOf})
 * @param type what to do
 * @param resourceId the target: a resource id, or a dimension such as a commitment id, or
 *     {@code ProviderName=AWS/BillingAccountId=123} for a commitment purchase
 * @param title a one-line summary for lists
 * @param currentMonthlyCost what the target costs per month now
 * @param monthlySavings what acting saves per month
 * @param annualSavings twelve times the monthly savings
 * @param currency the billing currency of every amount ({@code USD}, {@code EUR}, ...; empty when the data names none)
 * @param confidence 0–1: how sure the data makes us that the saving is real
 * @param risk how likely acting hurts a workload
 * @param riskFactors why the risk is what it is
 * @param effort how much work acting takes
 * @param horizon quick win or strategic
 * @param score the ranking score (see {@code Ranking})
 * @param evidence the rule, inputs and formula
 * @param steps what to do, in order
 * @param rollback how to undo it
 */
@JsonPropertyOrder({
    "id",
    "type",
    "resourceId",
    "title",
    "currentMonthlyCost",
    "monthlySavings",
    "annualSavings",
    "currency",
    "confidence",
    "risk",
    "riskFactors",
    "effort",
    "horizon",
    "score",
    "evidence",
    "steps",
    "rollback"
})
public record Recommendation(
        String id,
        RecommendationType type,
        String resourceId,
        String title,
        double currentMonthlyCost,
        double monthlySavings,
        double annualSavings,
        String currency,
        double confidence,
        RiskLevel risk,
        List<String> riskFactors,
        Effort effort,
        Horizon horizon,
        double score,
        Evidence evidence,
        List<String> steps,
        String rollback) {

    /** Hours in the month every monthly figure uses. */
    public static final double HOURS_PER_MONTH = 730.0;

    /** The monthly run rate of a cost over some hours: {@code cost / hours × 730} (0 over no hours). */
    public static double monthlyRate(double cost, long hours) {
        return hours == 0 ? 0 : cost / hours * HOURS_PER_MONTH;
    }

    /** Validates and copies. */
    public Recommendation {
        requireNonNull(id, "id");
        requireNonNull(type, "type");
        requireNonNull(resourceId, "resourceId");
        requireNonNull(title, "title");
        requireNonNull(risk, "risk");
        requireNonNull(effort, "effort");
        requireNonNull(horizon, "horizon");
        requireNonNull(evidence, "evidence");
        requireNonNull(rollback, "rollback");
        requireNonNull(currency, "currency");
        riskFactors = List.copyOf(riskFactors);
        steps = List.copyOf(steps);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
    }

    /** The stable id of a recommendation of this type on this target: {@code rec-} and 16 hex digits of SHA-256. */
    public static String idOf(RecommendationType type, String target) {
        return "rec-"
                + Hashing.sha256()
                        .hashString(type.name() + '|' + target, UTF_8)
                        .toString()
                        .substring(0, 16);
    }

    /** A copy with a ranking score and horizon. */
    public Recommendation ranked(double newScore, Horizon newHorizon) {
        return new Recommendation(
                id,
                type,
                resourceId,
                title,
                currentMonthlyCost,
                monthlySavings,
                annualSavings,
                currency,
                confidence,
                risk,
                riskFactors,
                effort,
                newHorizon,
                newScore,
                evidence,
                steps,
                rollback);
    }

    /** A copy with other evidence. */
    public Recommendation withEvidence(Evidence newEvidence) {
        return new Recommendation(
                id,
                type,
                resourceId,
                title,
                currentMonthlyCost,
                monthlySavings,
                annualSavings,
                currency,
                confidence,
                risk,
                riskFactors,
                effort,
                horizon,
                score,
                newEvidence,
                steps,
                rollback);
    }

    /** A copy in this billing currency. */
    public Recommendation withCurrency(String newCurrency) {
        return new Recommendation(
                id,
                type,
                resourceId,
                title,
                currentMonthlyCost,
                monthlySavings,
                annualSavings,
                newCurrency,
                confidence,
                risk,
                riskFactors,
                effort,
                horizon,
                score,
                evidence,
                steps,
                rollback);
    }

    /**
     * Whether its savings count in a total: everything but {@link RecommendationType#INVESTIGATE_ANOMALY}, whose
     * figure is an estimated impact to investigate, not money an action removes.
     */
    public boolean countsTowardSavings() {
        return type != RecommendationType.INVESTIGATE_ANOMALY;
    }

    /** Starts a recommendation; the rule fills in the rest. */
    public static Builder builder(RecommendationType type, String resourceId) {
        return new Builder(type, resourceId);
    }

    /** Builds a {@link Recommendation}; money is rounded to cents, annual savings derived from monthly. */
    public static final class Builder {
        private final RecommendationType type;
        private final String resourceId;
        private String title = "";
        private double currentMonthlyCost;
        private double monthlySavings;
        private double confidence = 0.5;
        private RiskLevel risk = RiskLevel.MEDIUM;
        private List<String> riskFactors = List.of();
        private Effort effort = Effort.MEDIUM;
        private Evidence evidence;
        private List<String> steps = List.of();
        private String rollback = "";
        private String currency = "";

        private Builder(RecommendationType type, String resourceId) {
            this.type = requireNonNull(type, "type");
            this.resourceId = requireNonNull(resourceId, "resourceId");
        }

        /** A one-line summary. */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /** The target's monthly cost now. */
        public Builder currentMonthlyCost(double value) {
            this.currentMonthlyCost = value;
            return this;
        }

        /** The monthly saving. */
        public Builder monthlySavings(double value) {
            this.monthlySavings = value;
            return this;
        }

        /** Confidence, clamped to [0, 1]. */
        public Builder confidence(double value) {
            this.confidence = Math.max(0, Math.min(1, value));
            return this;
        }

        /** Risk level and the factors behind it. */
        public Builder risk(RiskLevel level, List<String> factors) {
            this.risk = level;
            this.riskFactors = factors;
            return this;
        }

        /** The effort. */
        public Builder effort(Effort value) {
            this.effort = value;
            return this;
        }

        /** The billing currency of the amounts (left empty, the engine fills in the target's currency). */
        public Builder currency(String value) {
            this.currency = value == null ? "" : value;
            return this;
        }

        /** The evidence. */
        public Builder evidence(Evidence value) {
            this.evidence = value;
            return this;
        }

        /** The steps to act. */
        public Builder steps(String... value) {
            this.steps = List.of(value);
            return this;
        }

        /** How to undo it. */
        public Builder rollback(String value) {
            this.rollback = value;
            return this;
        }

        /** The recommendation, unranked (score 0, horizon strategic until {@code Ranking} ranks it). */
        public Recommendation build() {
            double monthly = cents(monthlySavings);
            return new Recommendation(
                    idOf(type, resourceId),
                    type,
                    resourceId,
                    title,
                    cents(currentMonthlyCost),
                    monthly,
                    cents(monthly * 12),
                    currency,
                    confidence,
                    risk,
                    riskFactors,
                    effort,
                    Horizon.STRATEGIC,
                    0,
                    requireNonNull(evidence, "evidence"),
                    steps,
                    rollback);
        }
    }

    /** Rounds money to cents, half even, so results are stable and readable. */
    public static double cents(double amount) {
        return java.math.BigDecimal.valueOf(amount)
                .setScale(2, java.math.RoundingMode.HALF_EVEN)
                .doubleValue();
    }
}
