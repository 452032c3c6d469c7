package dev.costagent.perf.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A baseline recorded earlier on a machine that has since slowed down: the calibration workload measured beside
 * both runs tells that drift from a regression of the code.
 */
class MachineDriftTest {

    private static final EnvironmentFingerprint HERE = EnvironmentFingerprint.current();

    private static double[] around(double median, double spread, long seed) {
        Random random = new Random(seed);
        double[] samples = new double[15];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = median * (1 + spread * (random.nextDouble() - 0.5));
        }
        return samples;
    }

    private static Baseline recorded() {
        return new Baseline("op", "ns/op", around(100, 0.04, 1), HERE, "earlier", around(50, 0.04, 2));
    }

    @Test
    void unchangedCodeOnAMachineThatSlowedBy27PercentIsNotARegression() {
        // The case: the raw figure is 27 % slower, and so is the calibration workload.
        Comparison comparison = new BaselineComparator(ComparisonPolicy.defaults())
                .compare(recorded(), around(127, 0.04, 3), HERE, around(63.5, 0.04, 4));
        assertThat(comparison.change()).as(comparison.summary()).isEqualTo(Change.UNCHANGED);
        assertThat(comparison.failing()).isFalse();
        assertThat(comparison.warnings())
                .anyMatch(w -> w.contains("machine drift +27"))
                .anyMatch(w -> w.contains("the machine's, not the code's"));
        // Without calibration the same figures read as a regression: what the issue reported.
        assertThat(new BaselineComparator(ComparisonPolicy.defaults())
                        .compare(recorded(), around(127, 0.04, 3), HERE)
                        .change())
                .isEqualTo(Change.REGRESSION);
    }

    @Test
    void aThirtyPercentSlowdownOnAnUnchangedMachineIsARegressionOfTheCode() {
        Comparison comparison = new BaselineComparator(ComparisonPolicy.defaults())
                .compare(recorded(), around(130, 0.04, 5), HERE, around(50, 0.04, 6));
        assertThat(comparison.change()).as(comparison.summary()).isEqualTo(Change.REGRESSION);
        assertThat(comparison.failing()).isTrue();
        assertThat(comparison.warnings()).anyMatch(w -> w.contains("a regression of the code"));
    }

    @Test
    void theThresholdGrowsWithTheMeasuredNoise() {
        // 40 % spread: 3 x noise (about 10 % MAD) lifts the threshold above a 20 % change.
        Baseline noisy = new Baseline("op", "ns/op", around(100, 0.4, 7), HERE, "earlier", around(50, 0.04, 8));
        Comparison comparison = new BaselineComparator(ComparisonPolicy.defaults())
                .compare(noisy, around(120, 0.4, 9), HERE, around(50, 0.04, 10));
        assertThat(comparison.change()).as(comparison.summary()).isNotEqualTo(Change.REGRESSION);
        assertThat(comparison.warnings()).anyMatch(w -> w.contains("threshold") && !w.contains("threshold 10.0%"));
    }

    @Test
    void theCalibrationWorkloadMeasuresAFigurePerIteration() {
        double[] samples = Calibration.measure();
        assertThat(samples).hasSize(Calibration.ITERATIONS);
        assertThat(java.util.Arrays.stream(samples).min().orElseThrow()).isPositive();
        // How steady it is depends on the host (a busy one scatters it by half): only its form is checked here.
        assertThat(Calibration.noise(samples)).isNotNegative().isLessThan(10.0);
    }
}
