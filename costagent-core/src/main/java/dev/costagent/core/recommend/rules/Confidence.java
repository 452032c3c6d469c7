package dev.costagent.core.recommend.rules;

import dev.costagent.core.analysis.utilization.UtilizationVerdict;

/**
 * How much evidence backs a rule's conclusion, as a factor in [0, 1] that rules multiply their base confidence by.
 */
final class Confidence {

    /** Two weeks of samples: the utilization rules' full window. */
    static final double FULL_UTILIZATION_HOURS = 14 * 24;
    /** Thirty days of billing: a full month of cost history. */
    static final double FULL_BILLING_HOURS = 30 * 24;

    private Confidence() {}

    /** {@code min(1, span hours / 336)}: full confidence only with 14 days of CPU samples. */
    static double utilizationCoverage(UtilizationVerdict verdict) {
        return Math.min(1, verdict.spanHours() / FULL_UTILIZATION_HOURS);
    }

    /** {@code min(1, hours / 720)}: full confidence only with 30 days of billing history. */
    static double billingCoverage(long hours) {
        return Math.min(1, hours / FULL_BILLING_HOURS);
    }

    /** Rounds to two decimals so confidences read well and compare exactly across runs. */
    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
