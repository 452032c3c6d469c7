package dev.costagent.perf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.report.Chart;
import dev.costagent.perf.report.RunReport;
import dev.costagent.perf.testing.Scenarios;
import dev.costagent.perf.testing.Scenarios.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkExtensionTest {

    @TempDir
    Path baselines;

    private Map<String, String> config() {
        return Map.of("perf.scale", "1", "perf.baselineDir", baselines.toString());
    }

    @Test
    void recordsABaselineThenComparesAndFlagsAnEightTimesSlowerRun() throws Exception {
        FastScenario.beforeEach = 0;
        Outcome first = Scenarios.single(FastScenario.class, config());
        assertThat(first.passed()).as(String.valueOf(first.failure())).isTrue();
        assertThat(first.entries())
                .containsEntry("perf.baseline", "recorded")
                .containsKey("perf.median.ns")
                .containsKeys("perf.median.ci.low.ns", "perf.median.ci.high.ns", "perf.throughput");
        assertThat(Files.exists(baselines.resolve("shared-work.json"))).isTrue();
        assertThat(FastScenario.beforeEach)
                .as("@BeforeEach runs once per benchmark")
                .isEqualTo(1);
        assertThat(FastScenario.injected).isNotNull();
        assertThat(FastScenario.injected.samples()).hasSize(8);
        assertThat(FastScenario.injected.invocations()).isGreaterThan(FastScenario.injected.operations());
        // The run report got it too, with the resources sampled during the benchmark and their charts.
        assertThat(RunReport.shared().reports()).anySatisfy(r -> {
            assertThat(r.displayName()).isEqualTo("shared-work");
            assertThat(r.figures()).containsKeys("median", "median 95% CI", "resources");
            assertThat(r.charts()).extracting(Chart::title).contains("ns/op per measurement iteration", "Heap");
        });
        assertThat(Files.readString(RunReport.shared().htmlFile())).contains("shared-work");

        Outcome slower = Scenarios.single(SlowScenario.class, config());
        assertThat(slower.status()).isEqualTo("FAILED");
        assertThat(slower.entries()).containsEntry("perf.baseline", "REGRESSION");
        assertThat(slower.failure())
                .hasMessageContaining("performance requirements not met by 'shared-work'")
                .hasMessageContaining("median vs baseline")
                .hasMessageContaining("REGRESSION")
                .hasMessageContaining("no significant slowdown over 10%");
    }

    @Test
    void baselineModeOffAndSkipAreHonoured() {
        Outcome off = Scenarios.single(
                SlowScenario.class,
                Map.of("perf.scale", "1", "perf.baselineDir", baselines.toString(), "perf.baseline", "off"));
        assertThat(off.passed()).isTrue();
        assertThat(off.entries()).doesNotContainKey("perf.baseline");
        assertThat(baselines).isEmptyDirectory();
        Outcome skipped = Scenarios.single(SlowScenario.class, Map.of("perf.skip", "true"));
        assertThat(skipped.status()).startsWith("SKIPPED").contains("perf.skip=true");
    }

    @Test
    void aFailingBenchmarkFailsWithTheCause() {
        Outcome outcome = Scenarios.single(ThrowingScenario.class, config());
        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.failure())
                .isInstanceOf(BenchmarkFailedException.class)
                .hasMessageContaining("boom");
    }

    static long work(int n) {
        long x = 0;
        for (int i = 0; i < n; i++) {
            x += (x ^ i) * 31 + (x >>> 7);
        }
        return x;
    }

    static class FastScenario {
        static int beforeEach;
        static BenchmarkResult injected;

        @BeforeEach
        void before() {
            beforeEach++;
        }

        @Benchmark(name = "shared-work", warmupIterations = 3, iterations = 8, iterationTime = "15ms")
        void work(Blackhole bh) {
            bh.consume(BenchmarkExtensionTest.work(500));
        }

        @AfterEach
        void after(BenchmarkResult result) {
            injected = result;
        }
    }

    static class SlowScenario {
        @Benchmark(name = "shared-work", warmupIterations = 3, iterations = 8, iterationTime = "15ms")
        void work(Blackhole bh) {
            bh.consume(BenchmarkExtensionTest.work(4_000));
        }
    }

    static class ThrowingScenario {
        @Benchmark(iterations = 2, iterationTime = "5ms", baseline = false)
        void work() {
            throw new IllegalStateException("boom");
        }
    }
}
