package dev.costagent.perf.stats;

/**
 * A point estimate with its confidence interval.
 *
 * @param estimate the point estimate (e.g. the observed median or mean)
 * @param lower    lower bound of the interval
 * @param upper    upper bound of the interval
 * @param level    confidence level, e.g. 0.95
 */
public record ConfidenceInterval(double estimate, double lower, double upper, double level) {

    /** Validates that the bounds are ordered and the level is a probability. */
    public ConfidenceInterval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " exceeds upper bound " + upper);
        }
    }

    /** Whether {@code value} lies within the interval (bounds included). */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** Half the interval's width relative to the estimate, e.g. 0.02 for ±2%. */
    public double relativeHalfWidth() {
        return estimate == 0 ? Double.NaN : (upper - lower) / 2 / Math.abs(estimate);
    }
}
