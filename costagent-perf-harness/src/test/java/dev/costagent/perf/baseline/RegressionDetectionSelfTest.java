package dev.costagent.perf.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The acceptance test for the statistics: a benchmark made 30% slower is flagged in at least 19 of 20
 * trials, unchanged code in at most 1 of 20 — for every significance method. Samples are seeded synthetic
 * timings (see {@link NoisyTimings}); the real-timing path is covered by the bench package's smoke test.
 */
class RegressionDetectionSelfTest {

    private static final int TRIALS = 20;
    private static final int SAMPLES = 15;
    private static final EnvironmentFingerprint HERE = EnvironmentFingerprint.current();

    @ParameterizedTest
    @EnumSource(ComparisonPolicy.Method.class)
    void thirtyPercentSlowerIsFlaggedInAtLeast19Of20Trials(ComparisonPolicy.Method method) {
        int flagged = count(method, 2024, 1_300, c -> c.change() == Change.REGRESSION && c.failing());
        assertThat(flagged).as("30%% slower flagged (%s)", method).isGreaterThanOrEqualTo(19);
    }

    @ParameterizedTest
    @EnumSource(ComparisonPolicy.Method.class)
    void unchangedCodeIsFlaggedInAtMost1Of20Trials(ComparisonPolicy.Method method) {
        int flagged = count(method, 7, 1_000, c -> c.change() != Change.UNCHANGED);
        assertThat(flagged).as("unchanged flagged (%s)", method).isLessThanOrEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ComparisonPolicy.Method.class)
    void thirtyPercentFasterIsReportedAsImprovement(ComparisonPolicy.Method method) {
        int improved = count(method, 99, 700, c -> c.change() == Change.IMPROVEMENT && !c.failing());
        assertThat(improved).isGreaterThanOrEqualTo(19);
    }

    /** The detector must be able to fail: with no threshold and no noise guard, it sees the small shifts too. */
    @ParameterizedTest
    @EnumSource(ComparisonPolicy.Method.class)
    void aFivePercentShiftIsBelowTheDefaultThresholdButSignificant(ComparisonPolicy.Method method) {
        NoisyTimings timings = new NoisyTimings(5);
        double[] base = timings.draw(200, 1_000);
        double[] shifted = timings.draw(200, 1_050);
        Comparison defaults = new BaselineComparator(ComparisonPolicy.defaults().withMethod(method))
                .compare(baseline(base), shifted, HERE);
        Comparison noThreshold = new BaselineComparator(
                        ComparisonPolicy.defaults().withMethod(method).withThreshold(0))
                .compare(baseline(base), shifted, HERE);
        assertThat(defaults.change()).isEqualTo(Change.UNCHANGED);
        assertThat(defaults.significant()).isTrue();
        assertThat(noThreshold.change()).isEqualTo(Change.REGRESSION);
    }

    /**
     * In how many of {@value #TRIALS} trials the comparison is {@code counted}: each trial draws a baseline around
     * 1,000 ns, then a run around {@code typicalNanos} (in that order, so a seed always gives the same samples).
     */
    private static int count(
            ComparisonPolicy.Method method, long seed, double typicalNanos, Predicate<Comparison> counted) {
        BaselineComparator comparator =
                new BaselineComparator(ComparisonPolicy.defaults().withMethod(method));
        NoisyTimings timings = new NoisyTimings(seed);
        int count = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Baseline baseline = baseline(timings.draw(SAMPLES, 1_000));
            if (counted.test(comparator.compare(baseline, timings.draw(SAMPLES, typicalNanos), HERE))) {
                count++;
            }
        }
        return count;
    }

    private static Baseline baseline(double[] samples) {
        return new Baseline("selftest", "ns/op", samples, HERE, "2026-01-01T00:00:00Z");
    }
}
