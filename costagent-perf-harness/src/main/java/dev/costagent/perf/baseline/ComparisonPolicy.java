package dev.costagent.perf.baseline;

/**
 * How strictly a run is compared with its baseline.
 *
 * @param alpha              significance level (default 0.05); the bootstrap interval has level 1 − α
 * @param threshold          smallest relative change that counts (default 0.10 = 10%)
 * @param method             which test decides significance
 * @param crossEnvironment   what a regression against a baseline from another environment does
 * @param bootstrapResamples resamples of the bootstrap
 * @param seed               seed of the bootstrap, for reproducible verdicts
 */
public record ComparisonPolicy(
        double alpha,
        double threshold,
        Method method,
        CrossEnvironment crossEnvironment,
        int bootstrapResamples,
        long seed) {

    /** The significance test. */
    public enum Method {
        /** The bootstrap confidence interval of the ratio of medians excludes 1. */
        BOOTSTRAP,
        /** Mann–Whitney U p-value below α. */
        MANN_WHITNEY,
        /** Both of the above (the most conservative). */
        BOTH
    }

    /** Treatment of a baseline recorded in a different environment. */
    public enum CrossEnvironment {
        /** Compare and report, but a regression is only a warning (default). */
        WARN,
        /** Compare and fail on a regression as if the environment were the same. */
        FAIL,
        /** Do not compare at all. */
        SKIP
    }

    /** Validates ranges. */
    public ComparisonPolicy {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1), was " + threshold);
        }
        if (method == null || crossEnvironment == null) {
            throw new IllegalArgumentException("method and crossEnvironment are required");
        }
    }

    /** α = 0.05, threshold 10%, bootstrap, cross-environment warns, 2,000 resamples, seed 42. */
    public static ComparisonPolicy defaults() {
        return new ComparisonPolicy(0.05, 0.10, Method.BOOTSTRAP, CrossEnvironment.WARN, 2_000, 42);
    }

    /** A copy with another significance level. */
    public ComparisonPolicy withAlpha(double value) {
        return new ComparisonPolicy(value, threshold, method, crossEnvironment, bootstrapResamples, seed);
    }

    /** A copy with another threshold. */
    public ComparisonPolicy withThreshold(double value) {
        return new ComparisonPolicy(alpha, value, method, crossEnvironment, bootstrapResamples, seed);
    }

    /** A copy with another significance test. */
    public ComparisonPolicy withMethod(Method value) {
        return new ComparisonPolicy(alpha, threshold, value, crossEnvironment, bootstrapResamples, seed);
    }

    /** A copy with another cross-environment rule. */
    public ComparisonPolicy withCrossEnvironment(CrossEnvironment value) {
        return new ComparisonPolicy(alpha, threshold, method, value, bootstrapResamples, seed);
    }

    /** A copy with another bootstrap seed. */
    public ComparisonPolicy withSeed(long value) {
        return new ComparisonPolicy(alpha, threshold, method, crossEnvironment, bootstrapResamples, value);
    }

    /**
     * The policy configured by system properties {@code perf.baseline.alpha}, {@code perf.baseline.threshold},
     * {@code perf.baseline.method} and {@code perf.baseline.crossEnvironment}, falling back to {@link #defaults()}.
     */
    public static ComparisonPolicy fromSystemProperties() {
        return from(key -> java.util.Optional.ofNullable(System.getProperty(key)));
    }

    /**
     * The policy configured by a lookup (such as JUnit configuration parameters) of the keys of
     * {@link #fromSystemProperties()}; a malformed value fails naming its key.
     */
    public static ComparisonPolicy from(java.util.function.Function<String, java.util.Optional<String>> lookup) {
        ComparisonPolicy d = defaults();
        return new ComparisonPolicy(
                number(lookup, "perf.baseline.alpha", d.alpha),
                number(lookup, "perf.baseline.threshold", d.threshold),
                choice(lookup, "perf.baseline.method", Method.class, d.method),
                choice(lookup, "perf.baseline.crossEnvironment", CrossEnvironment.class, d.crossEnvironment),
                d.bootstrapResamples,
                d.seed);
    }

    private static double number(
            java.util.function.Function<String, java.util.Optional<String>> lookup, String key, double fallback) {
        String text = lookup.apply(key).map(String::trim).orElse("");
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + text + "'");
        }
    }

    private static <E extends Enum<E>> E choice(
            java.util.function.Function<String, java.util.Optional<String>> lookup,
            String key,
            Class<E> type,
            E fallback) {
        String text = lookup.apply(key).map(String::trim).orElse("");
        if (text.isEmpty()) {
            return fallback;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException(
                key + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", got '" + text + "'");
    }
}
