package dev.costagent.perf.assertions;

import dev.costagent.perf.result.LoadResult;

/**
 * Entry point of the AssertJ-style assertions:
 *
 * <pre>{@code
 * import static dev.costagent.perf.assertions.PerfAssertions.assertThat;
 *
 * assertThat(result).hasNoErrors().hasNoDroppedStarts();
 * assertThat(result).responseTime(99).isLessThan(Duration.ofMillis(200));
 * assertThat(result).throughput().isGreaterThan(90.0);
 * }</pre>
 */
public final class PerfAssertions {

    private PerfAssertions() {}

    /** Assertions on a load result. */
    public static LoadResultAssert assertThat(LoadResult actual) {
        return new LoadResultAssert(actual);
    }
}
