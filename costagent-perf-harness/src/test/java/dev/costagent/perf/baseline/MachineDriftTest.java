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

    /**
     * A busy machine: each iteration runs at a momentary slowdown between 1x and 5x (a neighbour taking the
     * cores), which the calibration sample right after it shares; 2 % noise of their own on top.
     */
    private static double[][] bursty(double median, double calibrationMedian, long seed) {
        Random random = new Random(seed);
        double[] samples = new double[15];
        double[] calibration = new double[15];
        for (int i = 0; i < samples.length; i++) {
            double load = 1 + 4 * random.nextDouble();
            samples[i] = median * load * (1 + 0.02 * (random.nextDouble() - 0.5));
            calibration[i] = calibrationMedian * load * (1 + 0.02 * (random.nextDouble() - 0.5));
        }
        return new double[][] {samples, calibration};
    }

    @Test
    void pairedCalibrationSeesThroughABusyMachineBothWays() {
        int falseAlarms = 0;
        int detected = 0;
        for (long seed = 0; seed < 20; seed++) {
            double[][] then = bursty(100, 50, seed * 4);
            Baseline baseline = new Baseline("op", "ns/op", then[0], HERE, "earlier", then[1]);
            double[][] same = bursty(100, 50, seed * 4 + 1);
            double[][] slower = bursty(130, 50, seed * 4 + 2);
            BaselineComparator comparator = new BaselineComparator(ComparisonPolicy.defaults());
            Comparison unchanged = comparator.compare(baseline, same[0], HERE, same[1]);
            Comparison regressed = comparator.compare(baseline, slower[0], HERE, slower[1]);
            if (unchanged.change() != Change.UNCHANGED) {
                falseAlarms++;
            }
            if (regressed.change() == Change.REGRESSION) {
                detected++;
                assertThat(regressed.warnings()).anyMatch(w -> w.contains("paired with every sample"));
            }
        }
        assertThat(falseAlarms).isZero();
        assertThat(detected).isEqualTo(20);
    }

    @Test
    void noiseBeyondTheCapStillLetsAThirtyPercentRegressionThroughAndSaysSo() {
        // Noise of the normalised samples about 12 % MAD: 3 x noise asks for ~36 %, capped at 25 %.
        Baseline noisy = new Baseline("op", "ns/op", around(100, 0.5, 11), HERE, "earlier", around(50, 0.0, 12));
        Comparison comparison = new BaselineComparator(ComparisonPolicy.defaults())
                .compare(noisy, around(160, 0.5, 13), HERE, around(50, 0.0, 14));
        assertThat(comparison.warnings()).anyMatch(w -> w.contains("capped at 25.0%"));
        assertThat(comparison.change()).as(comparison.summary()).isEqualTo(Change.REGRESSION);
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
