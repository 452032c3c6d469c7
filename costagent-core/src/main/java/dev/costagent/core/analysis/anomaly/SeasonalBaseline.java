package dev.costagent.core.analysis.anomaly;

import java.util.Arrays;

/**
 * The robust, weekly-seasonal expectation of one day of a daily series from the days before it (only those: the
 * baseline never sees the day it judges).
 *
 * <p>Method, for day t with history of H = 14, 21 or 28 days (whole weeks, up to the lookback):
 * <ol>
 *   <li>cut the history into 7-day blocks ending at t−1; each block's level is its median;</li>
 *   <li>weekday profile: s[p] = median over blocks of (x − block level) at position p in the block (position 0 is
 *       the weekday of t);</li>
 *   <li>level: median of the last block's deseasonalised values; trend (with 3 or more blocks): the change of the
 *       deseasonalised block medians per day, projected to t (4 days past the centre of the last block);</li>
 *   <li>expected = level + trend + s[0];</li>
 *   <li>history scale: σ̂ = 1.4826 × median |x[d] − x[d−7]| / √2 over the history (week-over-week differences
 *       cancel the weekly pattern without a fit), widened by √(1 + π/14 + π/(2B)) for the noise of the median
 *       level (7 days) and profile (B weeks) (and by a further 1.3 with only two weeks). The detector prefers the out-of-sample scale of the baseline's own recent prediction
 *       errors once it has a week of them.</li>
 * </ol>
 * With only two weeks, each weekday's profile is the median of its two deviations and zero, so that one outlier
 * cannot set the profile.
 * Medians make both the expectation and the scale robust to earlier anomalies in the history (up to 3 of 7 days per
 * block). Reuses scratch arrays: one instance per thread.
 */
final class SeasonalBaseline {
    static final int WEEK = 7;
    private static final double MAD_TO_SIGMA = 1.4826;
    /** With two weeks, the scale rests on 7 differences and the profile is shrunk: widen by a further 30%. */
    private static final double TWO_WEEK_INFLATION = 1.3;

    private final int lookbackWeeks;
    private final double[] blockLevels;
    private final double[] profile;
    private final double[] scratch;
    private final double[] residuals;
    private double lastScale;

    /** @param lookbackDays how far back the history reaches (rounded down to whole weeks, at least 2) */
    SeasonalBaseline(int lookbackDays) {
        this.lookbackWeeks = Math.max(2, lookbackDays / WEEK);
        this.blockLevels = new double[lookbackWeeks];
        this.profile = new double[WEEK];
        this.scratch = new double[Math.max(WEEK, lookbackWeeks + 1)];
        this.residuals = new double[lookbackWeeks * WEEK];
    }

    /** The smallest history the baseline needs. */
    static int minHistory() {
        return 2 * WEEK;
    }

    /** The expected value of {@code x[t]}, or NaN with less than two weeks of history. Also sets {@link #scale}. */
    double expected(double[] x, int t) {
        int blocks = Math.min(lookbackWeeks, t / WEEK);
        if (blocks < 2) {
            lastScale = Double.NaN;
            return Double.NaN;
        }
        // block b covers days [t - 7(b+1), t - 7b - 1]; position p is day t - 7(b+1) + p
        for (int b = 0; b < blocks; b++) {
            int start = t - WEEK * (b + 1);
            System.arraycopy(x, start, scratch, 0, WEEK);
            blockLevels[b] = median(scratch, WEEK);
        }
        for (int p = 0; p < WEEK; p++) {
            for (int b = 0; b < blocks; b++) {
                scratch[b] = x[t - WEEK * (b + 1) + p] - blockLevels[b];
            }
            // a median of two is their mean, which one outlier drags; with two weeks, shrink towards no seasonality
            if (blocks == 2) {
                scratch[2] = 0;
            }
            profile[p] = median(scratch, blocks == 2 ? 3 : blocks);
        }
        // deseasonalised block levels
        double lastLevel = deseasonalisedMedian(x, t, 0);
        double trend = 0;
        if (blocks >= 3) {
            double firstLevel = deseasonalisedMedian(x, t, blocks - 1);
            double perDay = (lastLevel - firstLevel) / (WEEK * (blocks - 1.0));
            trend = perDay * 4;
        }
        // week-over-week differences remove the weekly pattern without fitting anything: each has variance 2σ²
        int n = 0;
        for (int d = t - WEEK * (blocks - 1); d < t; d++) {
            residuals[n++] = Math.abs(x[d] - x[d - WEEK]);
        }
        lastScale = MAD_TO_SIGMA * median(residuals, n) / Math.sqrt(2)
                * Math.sqrt(1 + Math.PI / 14 + Math.PI / (2 * blocks)) * (blocks == 2 ? TWO_WEEK_INFLATION : 1);
        return lastLevel + trend + profile[0];
    }

    /** The robust scale of the last {@link #expected} call (before any floor). */
    double scale() {
        return lastScale;
    }

    private double deseasonalisedMedian(double[] x, int t, int block) {
        int start = t - WEEK * (block + 1);
        for (int p = 0; p < WEEK; p++) {
            scratch[p] = x[start + p] - profile[p];
        }
        return median(scratch, WEEK);
    }

    /** The median of the first n values of a (reordered) buffer. */
    static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        return (n & 1) == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
