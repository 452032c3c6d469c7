package dev.costagent.core.analysis.anomaly;

/**
 * How much an anomaly matters: HIGH when |impact %| ≥ 100% or |score| ≥ 3 × threshold, MEDIUM when |impact %| ≥ 30%
 * or |score| ≥ 2 × threshold, LOW otherwise.
 */
public enum Severity {
    /** Worth a look. */
    LOW,
    /** Worth acting on. */
    MEDIUM,
    /** Act now. */
    HIGH;

    static Severity of(double score, Double impactPercent, double threshold) {
        double s = Math.abs(score);
        double pct = impactPercent == null ? Double.POSITIVE_INFINITY : Math.abs(impactPercent);
        if (pct >= 100 || s >= 3 * threshold) {
            return HIGH;
        }
        if (pct >= 30 || s >= 2 * threshold) {
            return MEDIUM;
        }
        return LOW;
    }
}
