package dev.costagent.core.analysis.anomaly;

/**
 * How readily a deviation counts as an anomaly: the minimum absolute robust score (a log ratio over its robust scale).
 *
 * <p>A scan judges every day of every series: a 60-day export with 35 series is about 1,600 series-days, so a
 * threshold that a clean day crosses once in a few thousand (3.5 for Gaussian noise) fires on most clean exports. The
 * default sits where a clean day crosses it about once in 50,000 (4.25): on generated bills with noise up to 20 %
 * no false positive in 30 clean exports, with recall of planted spikes and drops of 0.95 or more (docs/analyses.md).
 */
public enum Sensitivity {
    /** Only glaring deviations: |score| ≥ 6. */
    LOW(6.0),
    /** The default: |score| ≥ 4.25. */
    MEDIUM(4.25),
    /** Subtle deviations too, at the cost of some false alarms on noisy bills: |score| ≥ 3.5. */
    HIGH(3.5);

    private final double threshold;

    Sensitivity(double threshold) {
        this.threshold = threshold;
    }

    /** The minimum absolute score. */
    public double threshold() {
        return threshold;
    }
}
