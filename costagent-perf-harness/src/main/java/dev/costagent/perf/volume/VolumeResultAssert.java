package dev.costagent.perf.volume;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.Assertions;

/**
 * AssertJ assertions on a {@link VolumeResult}.
 *
 * <pre>{@code
 * assertThat(result).exponent().isLessThan(1.2);
 * assertThat(result).degradation().isLessThan(2.0);
 * }</pre>
 */
public final class VolumeResultAssert extends AbstractAssert<VolumeResultAssert, VolumeResult> {

    private VolumeResultAssert(VolumeResult actual) {
        super(actual, VolumeResultAssert.class);
    }

    /** Starts an assertion on a data-volume result. */
    public static VolumeResultAssert assertThat(VolumeResult actual) {
        return new VolumeResultAssert(actual);
    }

    /** The complexity exponent (log-log slope of time against size). */
    public AbstractDoubleAssert<?> exponent() {
        isNotNull();
        return Assertions.assertThat(actual.exponent()).as("complexity exponent of '%s'", actual.name());
    }

    /** Per-record time at the largest size over that at the smallest. */
    public AbstractDoubleAssert<?> degradation() {
        isNotNull();
        return Assertions.assertThat(actual.degradation()).as("per-record time degradation of '%s'", actual.name());
    }

    /** Nanoseconds per record at {@code size}. */
    public AbstractDoubleAssert<?> nanosPerRecord(int size) {
        isNotNull();
        double value = actual.points().stream()
                .filter(p -> p.size() == size)
                .findFirst()
                .orElseThrow(() -> new AssertionError("'" + actual.name() + "' has no measurement at size " + size))
                .nanosPerRecord();
        return Assertions.assertThat(value).as("ns/record of '%s' at %d records", actual.name(), size);
    }
}
