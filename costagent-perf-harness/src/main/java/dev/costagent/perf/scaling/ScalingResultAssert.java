package dev.costagent.perf.scaling;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.Assertions;

/**
 * AssertJ assertions on a {@link ScalingResult}.
 *
 * <pre>{@code
 * assertThat(result).efficiency(2).isGreaterThanOrEqualTo(0.85);
 * assertThat(result).hasNoRetrogradeScalingUpTo(8);
 * }</pre>
 */
public final class ScalingResultAssert extends AbstractAssert<ScalingResultAssert, ScalingResult> {

    private ScalingResultAssert(ScalingResult actual) {
        super(actual, ScalingResultAssert.class);
    }

    /** Starts an assertion on a scaling result. */
    public static ScalingResultAssert assertThat(ScalingResult actual) {
        return new ScalingResultAssert(actual);
    }

    /** The efficiency (speedup / workers) measured at {@code workers}. */
    public AbstractDoubleAssert<?> efficiency(int workers) {
        isNotNull();
        return Assertions.assertThat(actual.at(workers).efficiency())
                .as(
                        "efficiency of '%s' at %d workers (%d " + "available processors)",
                        actual.name(), workers, actual.availableProcessors());
    }

    /** The speedup over one worker measured at {@code workers}. */
    public AbstractDoubleAssert<?> speedup(int workers) {
        isNotNull();
        return Assertions.assertThat(actual.at(workers).speedup())
                .as(
                        "speedup of '%s' at %d workers (%d available " + "processors)",
                        actual.name(), workers, actual.availableProcessors());
    }

    /** The Amdahl serial fraction σ. */
    public AbstractDoubleAssert<?> amdahlSigma() {
        isNotNull();
        return Assertions.assertThat(actual.amdahl().sigma()).as("Amdahl sigma of '%s'", actual.name());
    }

    /** Passes when the USL predicts throughput still rising at {@code workers} (its peak lies beyond). */
    public ScalingResultAssert hasNoRetrogradeScalingUpTo(int workers) {
        isNotNull();
        if (actual.usl().peakWorkers() < workers) {
            failWithMessage(
                    "expected '%s' to scale up to %d workers, but the USL fit (sigma %.4f, kappa %.5f) peaks at"
                            + " %.1f workers",
                    actual.name(),
                    workers,
                    actual.usl().sigma(),
                    actual.usl().kappa(),
                    actual.usl().peakWorkers());
        }
        return this;
    }
}
