package dev.costagent.perf.stats;

import java.util.Arrays;

/**
 * Descriptive statistics over a sample of doubles: mean, median, percentiles, standard deviation, and a
 * confidence interval of the mean.
 *
 * <p>Inputs are never modified; methods that need order sort a copy.
 */
public final class Stats {

    private Stats() {}

    /** Arithmetic mean; fails on an empty sample. */
    public static double mean(double[] values) {
        requireNonEmpty(values);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Median (average of the two middle values for even sizes); fails on an empty sample. */
    public static double median(double[] values) {
        return percentile(values, 50.0);
    }

    /**
     * Percentile by linear interpolation between closest ranks (the "R-7" definition used by most tools).
     *
     * @param percentile in [0, 100]
     */
    public static double percentile(double[] values, double percentile) {
        requireNonEmpty(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return percentileOfSorted(sorted, percentile);
    }

    /** Like {@link #percentile(double[], double)} but for an already sorted array (no copy). */
    public static double percentileOfSorted(double[] sorted, double percentile) {
        requireNonEmpty(sorted);
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], was " + percentile);
        }
        double rank = percentile / 100.0 * (sorted.length - 1);
        int lower = (int) Math.floor(rank);
        int upper = Math.min(lower + 1, sorted.length - 1);
        double fraction = rank - lower;
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }

    /** Sample standard deviation (n − 1 denominator); 0 for a single value. */
    public static double standardDeviation(double[] values) {
        requireNonEmpty(values);
        if (values.length == 1) {
            return 0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /** Smallest value. */
    public static double min(double[] values) {
        requireNonEmpty(values);
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    /** Largest value. */
    public static double max(double[] values) {
        requireNonEmpty(values);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * Confidence interval of the mean using Student's t distribution, suitable for the small sample counts of
     * benchmark iterations.
     *
     * @param level confidence level, e.g. 0.95
     */
    public static ConfidenceInterval meanInterval(double[] values, double level) {
        double mean = mean(values);
        if (values.length < 2) {
            return new ConfidenceInterval(mean, mean, mean, level);
        }
        double halfWidth = Distributions.studentTQuantile(1 - (1 - level) / 2, values.length - 1)
                * standardDeviation(values)
                / Math.sqrt(values.length);
        return new ConfidenceInterval(mean, mean - halfWidth, mean + halfWidth, level);
    }

    static void requireNonEmpty(double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("sample is empty: at least one value is needed");
        }
    }
}
