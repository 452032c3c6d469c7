package dev.costagent.core.recommend.rules;

import static java.util.Objects.requireNonNull;

/**
 * The settings of the two commitment rules ({@link UnusedCommitmentRule} and {@link CommitmentPurchaseRule}), which
 * read one simulated plan and so must agree on it.
 *
 * @param option the term and payment option recommended, a commitment rate key without its provider prefix
 *     ({@code 1yr-no-upfront}; a provider without that option gets its first option)
 * @param costOfCapital annual discount rate for commitment NPV (0.08)
 * @param baselinePercentile no longer sizes purchases (they are simulated over candidate levels); kept for
 *     compatibility (10)
 */
public record CommitmentOptions(String option, double costOfCapital, double baselinePercentile) {

    /** The documented defaults. */
    public static final CommitmentOptions DEFAULTS = new CommitmentOptions("1yr-no-upfront", 0.08, 10);

    /** Validates. */
    public CommitmentOptions {
        requireNonNull(option, "commitmentOption");
        if (!(baselinePercentile > 0 && baselinePercentile <= 100)) {
            throw new IllegalArgumentException("commitmentBaselinePercentile must be in (0, 100]");
        }
    }

    // equals and hashCode written out: a record's generated ones are linked on first use (an invokedynamic bootstrap),
    // which in a one-shot process costs milliseconds of the stage that first compares options
    @Override
    public boolean equals(Object o) {
        return o instanceof CommitmentOptions c
                && option.equals(c.option)
                && Double.compare(costOfCapital, c.costOfCapital) == 0
                && Double.compare(baselinePercentile, c.baselinePercentile) == 0;
    }

    @Override
    public int hashCode() {
        return (option.hashCode() * 31 + Double.hashCode(costOfCapital)) * 31 + Double.hashCode(baselinePercentile);
    }
}
