package dev.costagent.perf.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BaselineComparatorTest {

    private static final EnvironmentFingerprint HERE = EnvironmentFingerprint.current();
    private static final EnvironmentFingerprint ELSEWHERE =
            new EnvironmentFingerprint("11.0.1", "Other", "Other VM", 64, "Plan9", "riscv", "Imaginary CPU");

    private final NoisyTimings timings = new NoisyTimings(11);

    @Test
    void regressionInSameEnvironmentFails() {
        Comparison c = comparator(ComparisonPolicy.CrossEnvironment.WARN)
                .compare(baseline(HERE), timings.draw(20, 1_500), HERE);
        assertThat(c.change()).isEqualTo(Change.REGRESSION);
        assertThat(c.failing()).isTrue();
        assertThat(c.relativeChange()).isBetween(0.3, 0.7);
        assertThat(c.summary()).startsWith("b: REGRESSION +").contains("CI").contains("Mann-Whitney p=");
        assertThat(c.environmentDifferences()).isEmpty();
    }

    @Test
    void regressionAgainstAnotherEnvironmentOnlyWarnsByDefault() {
        Comparison c = comparator(ComparisonPolicy.CrossEnvironment.WARN)
                .compare(baseline(ELSEWHERE), timings.draw(20, 1_500), HERE);
        assertThat(c.change()).isEqualTo(Change.REGRESSION);
        assertThat(c.failing()).isFalse();
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w).contains("another environment"));
        assertThat(c.environmentDifferences()).anySatisfy(d -> assertThat(d).startsWith("availableProcessors: 64"));
    }

    @Test
    void crossEnvironmentCanBeMadeStrictOrSkipped() {
        assertThat(comparator(ComparisonPolicy.CrossEnvironment.FAIL)
                        .compare(baseline(ELSEWHERE), timings.draw(20, 1_500), HERE)
                        .failing())
                .isTrue();
        Comparison skipped = comparator(ComparisonPolicy.CrossEnvironment.SKIP)
                .compare(baseline(ELSEWHERE), timings.draw(20, 1_500), HERE);
        assertThat(skipped.change()).isEqualTo(Change.NOT_COMPARED);
        assertThat(skipped.failing()).isFalse();
        assertThat(skipped.summary()).contains("not compared");
    }

    @Test
    void fewSamplesWarn() {
        Comparison c = comparator(ComparisonPolicy.CrossEnvironment.WARN)
                .compare(baseline(HERE), new double[] {1_000, 1_010, 990}, HERE);
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w).contains("fewer than 5 samples"));
    }

    @Test
    void invalidPolicyAndEmptySamplesAreRejected() {
        assertThatThrownBy(() -> ComparisonPolicy.defaults().withAlpha(0)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> ComparisonPolicy.defaults().withThreshold(1.5)).hasMessageContaining("threshold");
        assertThatThrownBy(() ->
                        comparator(ComparisonPolicy.CrossEnvironment.WARN).compare(baseline(HERE), new double[0], HERE))
                .hasMessageContaining("no current samples");
        assertThatThrownBy(() -> new Baseline("x", "ns/op", new double[0], HERE, "now"))
                .hasMessageContaining("no samples");
    }

    private BaselineComparator comparator(ComparisonPolicy.CrossEnvironment rule) {
        return new BaselineComparator(ComparisonPolicy.defaults().withCrossEnvironment(rule));
    }

    private Baseline baseline(EnvironmentFingerprint environment) {
        return new Baseline("b", "ns/op", timings.draw(20, 1_000), environment, "2026-01-01T00:00:00Z");
    }
}
