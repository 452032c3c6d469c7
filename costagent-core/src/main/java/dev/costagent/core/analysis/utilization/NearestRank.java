package dev.costagent.core.analysis.utilization;

import java.util.Arrays;

/**
 * Percentiles by nearest rank: the p-th percentile of N sorted values is the value at rank ⌈p/100 · N⌉ (1-based),
 * always an observed sample, never an interpolation.
 */
public final class NearestRank {
    private final double[] sorted;

    NearestRank(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    /** The p-th percentile, {@code 0 < p ≤ 100}; the series must not be empty. */
    double percentile(double p) {
        return percentile(sorted, p);
    }

    /**
     * The p-th percentile of values already sorted ascending, {@code 0 < p ≤ 100}.
     *
     * @throws IllegalArgumentException when p is out of range
     */
    public static double percentile(double[] sorted, double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    double max() {
        return sorted[sorted.length - 1];
    }
}
