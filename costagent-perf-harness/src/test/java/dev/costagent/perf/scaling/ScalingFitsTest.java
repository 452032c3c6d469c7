package dev.costagent.perf.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.perf.report.Check;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingFitsTest {

    private static final double[] N = {1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void uslRecoversSigmaKappaAndPeak() {
        UslFit truth = new UslFit(0.05, 0.002, Double.NaN);
        UslFit fit = UslFit.fit(N, speedups(truth::speedup));
        assertThat(fit.sigma()).isCloseTo(0.05, within(1e-9));
        assertThat(fit.kappa()).isCloseTo(0.002, within(1e-9));
        assertThat(fit.peakWorkers()).isCloseTo(Math.sqrt(0.95 / 0.002), within(1e-6));
        assertThat(fit.rSquared()).isCloseTo(1, within(1e-9));
    }

    @Test
    void amdahlRecoversSerialFraction() {
        AmdahlFit truth = new AmdahlFit(0.1, Double.NaN);
        AmdahlFit fit = AmdahlFit.fit(N, speedups(truth::speedup));
        assertThat(fit.sigma()).isCloseTo(0.1, within(1e-9));
        assertThat(fit.maxSpeedup()).isCloseTo(10, within(1e-6));
        UslFit usl = UslFit.fit(N, speedups(truth::speedup));
        assertThat(usl.kappa()).isCloseTo(0, within(1e-9));
        assertThat(usl.peakWorkers()).isInfinite();
    }

    @Test
    void retrogradeScalingIsFoundAndNegativeCoefficientsAreClamped() {
        // Throughput that rises then falls: a real peak around 3-4 workers.
        double[] speedups = {1, 1.8, 2.2, 2.3, 2.2, 2.0, 1.8, 1.6};
        UslFit fit = UslFit.fit(N, speedups);
        assertThat(fit.kappa()).isPositive();
        assertThat(fit.sigma()).isGreaterThanOrEqualTo(0);
        assertThat(fit.peakWorkers()).isBetween(2.5, 5.0);
        // Superlinear data would fit negative coefficients; they are clamped to zero.
        UslFit superlinear = UslFit.fit(new double[] {1, 2, 4}, new double[] {1, 2.2, 4.8});
        assertThat(superlinear.sigma()).isZero();
        assertThat(superlinear.kappa()).isZero();
    }

    @Test
    void resultComputesSpeedupEfficiencyAndHonestChecks() {
        ScalingResult r = ScalingResult.of(
                "w",
                new int[] {1, 2, 4},
                new long[] {100, 190, 200},
                new double[] {100, 190, 200},
                new double[] {1, 2, 2},
                2,
                490);
        assertThat(r.at(2).speedup()).isCloseTo(1.9, within(1e-12));
        assertThat(r.at(2).efficiency()).isCloseTo(0.95, within(1e-12));
        assertThat(r.at(4).efficiency()).isCloseTo(0.5, within(1e-12));
        assertThat(r.minEfficiency()).isCloseTo(0.5, within(1e-12));
        List<Check> checks = r.checkMinEfficiency(0.85);
        assertThat(checks).hasSize(2);
        assertThat(checks.get(0).met()).isTrue();
        assertThat(checks.get(0).note()).isEmpty();
        assertThat(checks.get(1).met()).isFalse();
        assertThat(checks.get(1).describe()).contains("measured 0.50").contains("4 workers > 2 available processors");
        assertThat(r.summary()).contains("availableProcessors=2").contains("USL sigma=");
        assertThat(r.charts()).hasSize(2);
        assertThat(r.charts().get(1).series()).hasSize(4);
    }

    @Test
    void workerCountsMustIncludeOne() {
        assertThatThrownBy(() ->
                        ScalingResult.of("w", new int[] {2, 4}, new long[2], new double[] {1, 2}, new double[2], 2, 0))
                .hasMessageContaining("must include 1");
        assertThatThrownBy(() -> ScalabilityRunner.named("w").workers(2, 4)).hasMessageContaining("must include 1");
        assertThatThrownBy(() -> ScalabilityRunner.named("w").workers(1, 2, 2)).hasMessageContaining("distinct");
    }

    private static double[] speedups(java.util.function.DoubleUnaryOperator model) {
        double[] s = new double[N.length];
        for (int i = 0; i < N.length; i++) {
            s[i] = model.applyAsDouble(N[i]);
        }
        return s;
    }
}
