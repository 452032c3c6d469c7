package dev.costagent.core.analysis.anomaly;

/**
 * How much an anomaly matters, graded by its impact against the scope's mean daily spend (the bill in scope, not the
 * anomalous series, so a cents-a-day service doubling is never HIGH) and by its score:
 * <ul>
 *   <li>HIGH: |impact| ≥ one mean day of the scope's spend and |score| ≥ 2 × threshold;</li>
 *   <li>MEDIUM: |impact| ≥ a quarter of a mean day of the scope's spend;</li>
 *   <li>LOW: otherwise (it still passed the materiality floor).</li>
 * </ul>
 */
public enum Severity {
    /** Worth a look. */
    LOW,
    /** Worth acting on. */
    MEDIUM,
    /** Act now. */
    HIGH;

    /** Impact at least this many mean days of the scope's spend, with a strong score, is HIGH. */
    static final double HIGH_DAYS = 1.0;
    /** Impact at least this share of a mean day of the scope's spend is MEDIUM. */
    static final double MEDIUM_DAYS = 0.25;

    static Severity of(double score, double impact, double scopeDailySpend, double threshold) {
        double days = scopeDailySpend > 0 ? Math.abs(impact) / scopeDailySpend : Double.POSITIVE_INFINITY;
        if (days >= HIGH_DAYS && Math.abs(score) >= 2 * threshold) {
            return HIGH;
        }
        return days >= MEDIUM_DAYS ? MEDIUM : LOW;
    }
}
