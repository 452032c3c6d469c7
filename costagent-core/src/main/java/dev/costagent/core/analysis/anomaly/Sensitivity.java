package dev.costagent.core.analysis.anomaly;

/** How readily a deviation counts as an anomaly: the minimum absolute robust score. */
public enum Sensitivity {
    /** Only glaring deviations: |score| ≥ 6. */
    LOW(6.0),
    /** The default: |score| ≥ 3.5. */
    MEDIUM(3.5),
    /** Subtle deviations too: |score| ≥ 3. */
    HIGH(3.0);

    private final double threshold;

    Sensitivity(double threshold) {
        this.threshold = threshold;
    }

    /** The minimum absolute score. */
    public double threshold() {
        return threshold;
    }
}
