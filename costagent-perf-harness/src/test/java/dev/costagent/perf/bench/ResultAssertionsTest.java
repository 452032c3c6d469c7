package dev.costagent.perf.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.perf.baseline.EnvironmentFingerprint;
import dev.costagent.perf.resource.ResourceLimits;
import dev.costagent.perf.resource.ResourceUsage;
import dev.costagent.perf.resource.ResourceUsageAssert;
import dev.costagent.perf.scaling.ScalingResult;
import dev.costagent.perf.scaling.ScalingResultAssert;
import dev.costagent.perf.volume.VolumePoint;
import dev.costagent.perf.volume.VolumeResult;
import dev.costagent.perf.volume.VolumeResultAssert;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AssertJ-style assertions of harness II pass and fail with messages that say what was measured. */
class ResultAssertionsTest {

    private static final EnvironmentFingerprint HERE = EnvironmentFingerprint.current();

    private static BenchmarkResult result(String name, double center) {
        double[] samples = new double[12];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = center * (1 + 0.01 * ((i * 7) % 5 - 2));
        }
        return new BenchmarkResult(name, samples, 1_000, 2_000, HERE);
    }

    @Test
    void benchmarkAssertions() {
        BenchmarkResult fast = result("fast", 100);
        BenchmarkResult slow = result("slow", 150);
        BenchmarkResultAssert.assertThat(fast).medianNanos().isLessThan(120.0);
        BenchmarkResultAssert.assertThat(fast).isFasterThan(slow).isNotSlowerThan(fast.toBaseline());
        assertThatThrownBy(() -> BenchmarkResultAssert.assertThat(slow).isNotSlowerThan(fast.toBaseline()))
                .hasMessageContaining("expected 'slow' not to regress")
                .hasMessageContaining("REGRESSION +50.");
        assertThatThrownBy(() -> BenchmarkResultAssert.assertThat(slow).isFasterThan(fast))
                .hasMessageContaining("to be significantly faster than 'fast'");
        assertThatThrownBy(() ->
                        BenchmarkResultAssert.assertThat(fast).throughput().isGreaterThan(1e9))
                .hasMessageContaining("throughput (ops/s) of 'fast'");
    }

    @Test
    void scalingAssertions() {
        ScalingResult r = ScalingResult.of(
                "s", new int[] {1, 2, 4}, new long[3], new double[] {100, 180, 200}, new double[] {1, 2, 2}, 2, 0);
        ScalingResultAssert.assertThat(r).efficiency(2).isGreaterThan(0.85);
        assertThatThrownBy(() -> ScalingResultAssert.assertThat(r).efficiency(4).isGreaterThan(0.85))
                .hasMessageContaining("efficiency of 's' at 4 workers (2 available processors)");
        assertThatThrownBy(() -> ScalingResultAssert.assertThat(r).hasNoRetrogradeScalingUpTo(64))
                .hasMessageContaining("peaks at");
    }

    @Test
    void volumeAndResourceAssertions() {
        VolumeResult v = VolumeResult.of(
                "v", List.of(new VolumePoint(100, 3, 1_000, 10, 0), new VolumePoint(1_000, 3, 20_000, 20, 0)), 3_300);
        VolumeResultAssert.assertThat(v).nanosPerRecord(100).isEqualTo(10.0);
        assertThatThrownBy(() -> VolumeResultAssert.assertThat(v).exponent().isLessThan(1.2))
                .hasMessageContaining("complexity exponent of 'v'");
        ResourceUsage usage = new ResourceUsage(
                List.of(), 1_000_000_000L, 1_000_000, 500_000_000L, 2, 30, 50_000_000, 20_000_000, 10, 2);
        ResourceUsageAssert.assertThat(usage).allocatedBytesPerOp(1_000).isEqualTo(1_000.0);
        ResourceUsageAssert.assertThat(usage).meets(ResourceLimits.none().maxGcTimeMillis(100), 1_000);
        assertThatThrownBy(() -> ResourceUsageAssert.assertThat(usage)
                        .meets(ResourceLimits.none().maxGcTimeMillis(10).maxAllocatedPerOp(10), 1_000))
                .hasMessageContaining("2 resource limit(s) exceeded")
                .hasMessageContaining("GC time: measured 30 ms");
        assertThat(usage.cpuPercent()).isEqualTo(25.0);
    }
}
