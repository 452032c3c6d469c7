package dev.costagent.core.analysis.anomaly;

import java.util.Arrays;

/**
 * The robust, weekly-seasonal expectation of one day of a daily series from the days before it (only those: the
 * baseline never sees the day it judges).
 *
 * <p>Method, for day t with history of H = 14, 21 or 28 days (whole weeks, up to the lookback):
 * <ol>
 *   <li>cut the history into 7-day blocks ending at t−1; each block's level is its median;</li>
 *   <li>weekday profile, multiplicative: s[p] = median over blocks of (x / block level) at position p in the block
 *       (position 0 is the weekday of t), because cost patterns scale with the level (a weekend at 70% of the week
 *       stays at 70% after a level shift); additive (x − block level) when a block level is not positive or a
 *       weekday factor is below 0.05;</li>
 *   <li>level: median of the last block's deseasonalised values; trend (with 3 or more blocks): the median of the
 *       week-to-week changes of the deseasonalised block medians (with zero added to an even count), per day,
 *       projected to t (4 days past the centre of the last block). A median, so that a one-off step (a level
 *       shift) is not extrapolated as a trend; and only when every week moved the same way: weeks that go up and
 *       down are noise around a level, and extrapolating their median moved the expectation by a noise's worth
 *       (a clean day then read as a 30 % rise on generated bills);</li>
 *   <li>expected = (level + trend) × s[0] (additive: level + trend + s[0]);</li>
 *   <li>history scale: σ̂ = 1.4826 × median |x[d] − x[d−7]| / √2 over the history (week-over-week differences
 *       cancel the weekly pattern without a fit), widened by √(1 + π/14 + π/(2B)) for the noise of the median
 *       level (7 days) and profile (B weeks), and by a further 1.3 with only two weeks. The detector prefers the
 *       out-of-sample scale of the baseline's own recent prediction errors once it has a week of them, and never
 *       goes below this one.</li>
 * </ol>
 * With only two weeks, each weekday's profile is the median of its two values and the neutral one (1 or 0), so that
 * one outlier cannot set the profile.
 * Medians make both the expectation and the scale robust to earlier anomalies in the history (up to 3 of 7 days per
 * block). Reuses scratch arrays: one instance per thread.
 */
final class SeasonalBaseline {
    static final int WEEK = 7;
    static final double MAD_TO_SIGMA = 1.4826;
    /** Below this weekday factor (a near-empty weekday) the profile falls back from ratios to differences. */
    private static final double MIN_FACTOR = 0.05;
    /** With two weeks, the scale rests on 7 differences and the profile is shrunk: widen by a further 30%. */
    private static final double TWO_WEEK_INFLATION = 1.3;

    private final int lookbackWeeks;
    private final double[] blockLevels;
    private final double[] profile;
    private final double[] scratch;
    private final double[] residuals;
    private final double[] weeklyChanges;
    private double lastScale;
    private double lastSameWeekday;
    private boolean multiplicative;

    /** @param lookbackDays how far back the history reaches (rounded down to whole weeks, at least 2) */
    SeasonalBaseline(int lookbackDays) {
        this.lookbackWeeks = Math.max(2, lookbackDays / WEEK);
        this.blockLevels = new double[lookbackWeeks];
        this.profile = new double[WEEK];
        this.scratch = new double[Math.max(WEEK, lookbackWeeks + 1)];
        this.residuals = new double[lookbackWeeks * WEEK];
        this.weeklyChanges = new double[lookbackWeeks + 1];
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
        multiplicative = true;
        for (int b = 0; b < blocks; b++) {
            multiplicative &= blockLevels[b] > 0;
        }
        if (multiplicative) {
            fillProfile(x, t, blocks, true);
            for (int p = 0; p < WEEK; p++) {
                multiplicative &= profile[p] >= MIN_FACTOR;
            }
        }
        if (!multiplicative) {
            fillProfile(x, t, blocks, false);
        }
        // deseasonalised block levels
        double lastLevel = deseasonalisedMedian(x, t, 0);
        double trend = 0;
        if (blocks >= 3) {
            // the median week-to-week change of the level: a steady trend moves every week, a one-off step (a level
            // shift) moves one week only and must not be extrapolated
            double previous = lastLevel;
            for (int b = 1; b < blocks; b++) {
                double level = deseasonalisedMedian(x, t, b);
                weeklyChanges[b - 1] = previous - level;
                previous = level;
            }
            int changes = blocks - 1;
            boolean up = true;
            boolean down = true;
            for (int i = 0; i < changes; i++) {
                up &= weeklyChanges[i] > 0;
                down &= weeklyChanges[i] < 0;
            }
            if (up || down) {
                if ((changes & 1) == 0) {
                    weeklyChanges[changes++] = 0; // an even count: shrink towards no trend rather than average
                }
                trend = median(weeklyChanges, changes) / WEEK * 4;
            }
        }
        // the plain same-weekday median, for the detector's check that a day stands out against its own weekday too
        for (int b = 0; b < blocks; b++) {
            scratch[b] = x[t - WEEK * (b + 1)];
        }
        lastSameWeekday = median(scratch, blocks);
        // week-over-week differences remove the weekly pattern without fitting anything: each has variance 2σ²
        int n = 0;
        for (int d = t - WEEK * (blocks - 1); d < t; d++) {
            residuals[n++] = Math.abs(x[d] - x[d - WEEK]);
        }
        lastScale = MAD_TO_SIGMA
                * median(residuals, n)
                / Math.sqrt(2)
                * Math.sqrt(1 + Math.PI / 14 + Math.PI / (2 * blocks))
                * (blocks == 2 ? TWO_WEEK_INFLATION : 1);
        return multiplicative ? (lastLevel + trend) * profile[0] : lastLevel + trend + profile[0];
    }

    /**
     * The median of the same weekday over the weeks the last {@link #expected} call used (x[t − 7], x[t − 14], ...;
     * the mean of the two with two weeks): the expectation with nothing fitted.
     */
    double sameWeekday() {
        return lastSameWeekday;
    }

    /** The robust scale of the last {@link #expected} call (before any floor). */
    double scale() {
        return lastScale;
    }

    /**
     * The weekday profile: per position, the median over blocks of the value's ratio to (or difference from) its
     * block's level. With two weeks the median also takes the neutral value (1 or 0), so that one outlier cannot set
     * the profile.
     */
    private void fillProfile(double[] x, int t, int blocks, boolean ratio) {
        for (int p = 0; p < WEEK; p++) {
            for (int b = 0; b < blocks; b++) {
                double v = x[t - WEEK * (b + 1) + p];
                scratch[b] = ratio ? v / blockLevels[b] : v - blockLevels[b];
            }
            if (blocks == 2) {
                scratch[2] = ratio ? 1 : 0;
            }
            profile[p] = median(scratch, blocks == 2 ? 3 : blocks);
        }
    }

    private double deseasonalisedMedian(double[] x, int t, int block) {
        int start = t - WEEK * (block + 1);
        for (int p = 0; p < WEEK; p++) {
            scratch[p] = multiplicative ? x[start + p] / profile[p] : x[start + p] - profile[p];
        }
        return median(scratch, WEEK);
    }

    /** The median of the first n values of a (reordered) buffer. */
    static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        return (n & 1) == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
