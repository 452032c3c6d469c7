package dev.costagent.perf.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap with a seeded random generator, so that the same data always gives the same interval.
 *
 * <pre>{@code
 * ConfidenceInterval ratio = Bootstrap.seeded(42).resamples(2000)
 *         .ratioOfMedians(baselineNanos, currentNanos, 0.95);
 * boolean slower = ratio.lower() > 1.0;
 * }</pre>
 *
 * @param seed      seed of the random generator
 * @param resamples number of bootstrap resamples (at least 100)
 */
public record Bootstrap(long seed, int resamples) {

    /** Default number of resamples: enough for stable 95% percentile intervals. */
    public static final int DEFAULT_RESAMPLES = 2_000;

    /** Validates the resample count. */
    public Bootstrap {
        if (resamples < 100) {
            throw new IllegalArgumentException("bootstrap needs at least 100 resamples, was " + resamples);
        }
    }

    /** A bootstrap with the given seed and {@link #DEFAULT_RESAMPLES}. */
    public static Bootstrap seeded(long seed) {
        return new Bootstrap(seed, DEFAULT_RESAMPLES);
    }

    /** A copy with another resample count. */
    public Bootstrap resamples(int count) {
        return new Bootstrap(seed, count);
    }

    /** Confidence interval of the median of one sample. */
    public ConfidenceInterval median(double[] sample, double level) {
        Stats.requireNonEmpty(sample);
        SplittableRandom random = new SplittableRandom(seed);
        double[] buffer = new double[sample.length];
        double[] medians = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            medians[r] = resampledMedian(sample, buffer, random);
        }
        return interval(Stats.median(sample), medians, level);
    }

    /**
     * Confidence interval of {@code median(current) / median(baseline)}: above 1 means current is larger (for
     * times: slower). Both samples are resampled independently.
     */
    public ConfidenceInterval ratioOfMedians(double[] baseline, double[] current, double level) {
        Stats.requireNonEmpty(baseline);
        Stats.requireNonEmpty(current);
        SplittableRandom random = new SplittableRandom(seed);
        double[] baselineBuffer = new double[baseline.length];
        double[] currentBuffer = new double[current.length];
        double[] ratios = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double base = resampledMedian(baseline, baselineBuffer, random);
            double cur = resampledMedian(current, currentBuffer, random);
            ratios[r] = cur / base;
        }
        return interval(Stats.median(current) / Stats.median(baseline), ratios, level);
    }

    private static double resampledMedian(double[] sample, double[] buffer, SplittableRandom random) {
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = sample[random.nextInt(sample.length)];
        }
        Arrays.sort(buffer);
        return Stats.percentileOfSorted(buffer, 50);
    }

    private static ConfidenceInterval interval(double estimate, double[] statistics, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
        }
        Arrays.sort(statistics);
        double tail = (1 - level) / 2 * 100;
        double lower = Stats.percentileOfSorted(statistics, tail);
        double upper = Stats.percentileOfSorted(statistics, 100 - tail);
        // The observed statistic can sit just outside a very narrow bootstrap distribution; keep the record valid.
        return new ConfidenceInterval(estimate, Math.min(lower, upper), Math.max(lower, upper), level);
    }
}
