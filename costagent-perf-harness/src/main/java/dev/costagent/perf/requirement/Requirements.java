package dev.costagent.perf.requirement;

import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.Requirement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A set of requirements on a load result, evaluated all together so a failure lists every violation.
 *
 * <pre>{@code
 * Requirements.builder()
 *         .p95(Duration.ofMillis(100)).p99(Duration.ofMillis(200))
 *         .maxErrorRate(0.01).minThroughput(90)
 *         .build()
 *         .evaluate(result)
 *         .assertMet();
 * }</pre>
 *
 * @param requirements the requirements, in evaluation order
 */
public record Requirements(List<Requirement> requirements) {

    /** The default tolerance of spike recovery: p95 back within 20 % of the pre-spike p95. */
    public static final double DEFAULT_RECOVERY_TOLERANCE_PERCENT = 20;

    /** Copies the list. */
    public Requirements {
        requirements = List.copyOf(requirements);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** No requirements. */
    public static Requirements none() {
        return new Requirements(List.of());
    }

    /** These requirements followed by {@code more}. */
    public Requirements and(List<Requirement> more) {
        List<Requirement> all = new ArrayList<>(requirements);
        all.addAll(more);
        return new Requirements(all);
    }

    /** Evaluates every requirement on the result. */
    public Evaluation evaluate(LoadResult result) {
        return new Evaluation(
                result.name(),
                requirements.stream().map(r -> r.evaluate(result)).toList());
    }

    /**
     * Evaluates and fails with every violation.
     *
     * @throws AssertionError listing each violated requirement, measured against required
     */
    public void assertMetBy(LoadResult result) {
        evaluate(result).assertMet();
    }

    /** Collects requirements; every bound must be positive (a zero error rate is allowed). */
    public static final class Builder {
        private final List<Requirement> requirements = new ArrayList<>();

        private Builder() {}

        /** Median response time at most {@code bound}. */
        public Builder p50(Duration bound) {
            return responseTime(50, bound);
        }

        /** 95th percentile response time at most {@code bound}. */
        public Builder p95(Duration bound) {
            return responseTime(95, bound);
        }

        /** 99th percentile response time at most {@code bound}. */
        public Builder p99(Duration bound) {
            return responseTime(99, bound);
        }

        /** Slowest response time at most {@code bound}. */
        public Builder max(Duration bound) {
            return responseTime(100, bound);
        }

        /** Any response-time percentile (0 to 100) at most {@code bound}. */
        public Builder responseTime(double percentile, Duration bound) {
            if (!(percentile >= 0 && percentile <= 100)) {
                throw new IllegalArgumentException("percentile must be between 0 and 100, got " + percentile);
            }
            return add(new BuiltInRequirements.Percentile(percentile, positive(bound, "response time bound")));
        }

        /** Mean response time at most {@code bound}. */
        public Builder mean(Duration bound) {
            return add(new BuiltInRequirements.Mean(positive(bound, "mean bound")));
        }

        /** Failed operations at most this fraction (0 to 1) of completed ones. */
        public Builder maxErrorRate(double fraction) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("maxErrorRate is a fraction between 0 and 1, got " + fraction);
            }
            return add(new BuiltInRequirements.MaxErrorRate(fraction));
        }

        /** At least this many completed operations per second. */
        public Builder minThroughput(double perSecond) {
            if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("minThroughput must be a positive rate, got " + perSecond);
            }
            return add(new BuiltInRequirements.MinThroughput(perSecond));
        }

        /** At most this many dropped starts (open model). */
        public Builder maxDroppedStarts(long bound) {
            if (bound < 0) {
                throw new IllegalArgumentException("maxDroppedStarts must not be negative, got " + bound);
            }
            return add(new BuiltInRequirements.MaxDropped(bound));
        }

        /** Spike recovery (p95 back within 20 % of the pre-spike p95) within {@code bound}. */
        public Builder maxRecovery(Duration bound) {
            return maxRecovery(bound, DEFAULT_RECOVERY_TOLERANCE_PERCENT);
        }

        /** Spike recovery (p95 back within {@code withinPercent} of the pre-spike p95) within {@code bound}. */
        public Builder maxRecovery(Duration bound, double withinPercent) {
            Objects.requireNonNull(bound, "bound");
            if (bound.isNegative()) {
                throw new IllegalArgumentException("maxRecovery must not be negative, got " + bound);
            }
            if (!(withinPercent >= 0)) {
                throw new IllegalArgumentException(
                        "recovery tolerance must be a non-negative percentage, got " + withinPercent);
            }
            return add(new BuiltInRequirements.MaxRecovery(bound, withinPercent));
        }

        /** Any requirement. */
        public Builder add(Requirement requirement) {
            requirements.add(Objects.requireNonNull(requirement, "requirement"));
            return this;
        }

        /** The requirements. */
        public Requirements build() {
            return new Requirements(requirements);
        }

        private static Duration positive(Duration bound, String what) {
            Objects.requireNonNull(bound, what);
            if (bound.isNegative() || bound.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + bound);
            }
            return bound;
        }
    }
}
