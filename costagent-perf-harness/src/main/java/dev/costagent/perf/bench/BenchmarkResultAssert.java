package dev.costagent.perf.bench;

import dev.costagent.perf.baseline.Baseline;
import dev.costagent.perf.baseline.BaselineComparator;
import dev.costagent.perf.baseline.Change;
import dev.costagent.perf.baseline.Comparison;
import dev.costagent.perf.baseline.ComparisonPolicy;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.Assertions;

/**
 * AssertJ assertions on a {@link BenchmarkResult}. Methods named after a measure switch to AssertJ's assertion on
 * that value, described so failures say what was measured; comparisons are statistical (see
 * {@link BaselineComparator}).
 *
 * <pre>{@code
 * assertThat(result).medianNanos().isLessThan(500.0);
 * assertThat(optimized).isFasterThan(original);
 * }</pre>
 */
public final class BenchmarkResultAssert extends AbstractAssert<BenchmarkResultAssert, BenchmarkResult> {

    private BenchmarkResultAssert(BenchmarkResult actual) {
        super(actual, BenchmarkResultAssert.class);
    }

    /** Starts an assertion on a benchmark result. */
    public static BenchmarkResultAssert assertThat(BenchmarkResult actual) {
        return new BenchmarkResultAssert(actual);
    }

    /** The median in ns/op. */
    public AbstractDoubleAssert<?> medianNanos() {
        isNotNull();
        return Assertions.assertThat(actual.median()).as("median ns/op of '%s'", actual.name());
    }

    /** The mean in ns/op. */
    public AbstractDoubleAssert<?> meanNanos() {
        isNotNull();
        return Assertions.assertThat(actual.mean()).as("mean ns/op of '%s'", actual.name());
    }

    /** Operations per second implied by the median. */
    public AbstractDoubleAssert<?> throughput() {
        isNotNull();
        return Assertions.assertThat(actual.throughput()).as("throughput (ops/s) of '%s'", actual.name());
    }

    /** Passes unless this result is a significant regression beyond the default 10% against {@code baseline}. */
    public BenchmarkResultAssert isNotSlowerThan(Baseline baseline) {
        isNotNull();
        Comparison c = new BaselineComparator(ComparisonPolicy.defaults())
                .compare(baseline, actual.samples(), actual.environment());
        if (c.failing()) {
            failWithMessage("expected '%s' not to regress against its baseline, but: %s", actual.name(), c.summary());
        }
        return this;
    }

    /** Passes when this result is significantly faster than {@code other} by more than the default 10%. */
    public BenchmarkResultAssert isFasterThan(BenchmarkResult other) {
        isNotNull();
        Comparison c = new BaselineComparator(ComparisonPolicy.defaults())
                .compare(other.toBaseline(), actual.samples(), actual.environment());
        if (c.change() != Change.IMPROVEMENT) {
            failWithMessage(
                    "expected '%s' to be significantly faster than '%s', but: %s",
                    actual.name(), other.name(), c.summary());
        }
        return this;
    }
}
