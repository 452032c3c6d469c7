package dev.costagent.perf.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.spi.PerfReport;
import dev.costagent.perf.spi.RecordingPlugins;
import dev.costagent.perf.testing.Scenarios;
import dev.costagent.perf.testing.Scenarios.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forked benchmarks: the figure is measured in other processes (their pids differ from this JVM's), the samples of
 * every fork come back and reach the reporters, and a failing fork fails in one line.
 */
class ForkedBenchmarkTest {

    private static final long SELF = ProcessHandle.current().pid();

    @TempDir
    Path baselines;

    @Test
    void theProgrammaticRunnerMeasuresInTwoOtherProcesses() {
        BenchmarkResult result = BenchmarkRunner.named("forked-work")
                .scale(1)
                .warmupIterations(2)
                .measurementIterations(3)
                .iterationTime(Duration.ofMillis(10))
                .forks(2)
                .run(Work.class, "work");
        assertThat(result.processIds()).hasSize(2).doesNotContain(SELF).doesNotHaveDuplicates();
        assertThat(result.forked()).isTrue();
        assertThat(result.samples()).hasSize(6);
        assertThat(java.util.Arrays.stream(result.samples()).min().orElseThrow())
                .isPositive();
        assertThat(result.operations()).isPositive();
        assertThat(result.name()).isEqualTo("forked-work");
    }

    @Test
    void aForkConsumesThroughTheCompilerBlackholeAndThisJvmDoesNot() {
        BenchmarkRunner runner = BenchmarkRunner.named("blackhole")
                .scale(1)
                .warmupIterations(1)
                .measurementIterations(2)
                .iterationTime(Duration.ofMillis(5));
        assertThat(Blackhole.compilerBlackholeActive())
                .as("this test JVM was started without the compile command")
                .isFalse();
        assertThat(runner.forks(1).run(Work.class, "requireCompilerBlackhole").forked())
                .isTrue();
        assertThatThrownBy(() -> runner.run(Work.class, "requireCompilerBlackhole"))
                .hasMessageContaining("no compiler blackhole");
    }

    @Test
    void withoutForksTheSameMethodRunsInThisProcess() {
        BenchmarkResult result = BenchmarkRunner.named("here")
                .scale(1)
                .warmupIterations(1)
                .measurementIterations(2)
                .iterationTime(Duration.ofMillis(5))
                .run(Work.class, "work");
        assertThat(result.processIds()).containsExactly(SELF);
        assertThat(result.forked()).isFalse();
    }

    @Test
    void aForkWhoseOperationThrowsFailsInOneLineNamingTheForkAndTheCause() {
        BenchmarkRunner runner = BenchmarkRunner.named("throws")
                .scale(1)
                .measurementIterations(2)
                .iterationTime(Duration.ofMillis(5))
                .forks(1);
        assertThatThrownBy(() -> runner.run(Work.class, "fail"))
                .isInstanceOf(BenchmarkFailedException.class)
                .hasMessageContaining("benchmark fork 1 of 1 (" + Work.class.getName() + ".fail) failed in pid")
                .hasMessageContaining("boom in the fork")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> runner.run(Work.class, "missing"))
                .isInstanceOf(BenchmarkFailedException.class)
                .hasMessageContaining("has no method missing()");
    }

    @Test
    void aForkedBenchmarkTestMeasuresInAnotherProcessAndItsResultReachesTheReporters() {
        RecordingPlugins.REPORTS.clear();
        ForkedScenario.result = null;
        ForkedScenario.beforeEach = 0;
        Outcome outcome = Scenarios.single(
                ForkedScenario.class, Map.of("perf.scale", "1", "perf.baseline", "off", "perf.console", "false"));
        assertThat(outcome.passed()).as(String.valueOf(outcome.failure())).isTrue();
        BenchmarkResult result = ForkedScenario.result;
        assertThat(result.processIds()).hasSize(2).doesNotContain(SELF);
        assertThat(result.samples()).hasSize(8);
        assertThat(ForkedScenario.beforeEach)
                .as("the parent's lifecycle runs once")
                .isEqualTo(1);
        PerfReport report = RecordingPlugins.REPORTS.stream()
                .filter(r -> r.displayName().equals("forked-scenario"))
                .findFirst()
                .orElseThrow();
        assertThat(report.kind()).isEqualTo(PerfReport.Kind.BENCHMARK);
        assertThat(((BenchmarkResult) report.outcome()).processIds()).isEqualTo(result.processIds());
        assertThat(report.metric("forks_count").orElseThrow().value()).isEqualTo(2);
    }

    @Test
    void aComparedBenchmarkForksByDefaultAndOneWithoutBaselineDoesNot() {
        DefaultForkScenario.results.clear();
        Outcome compared = Scenarios.single(
                DefaultForkScenario.class,
                Map.of("perf.scale", "1", "perf.baselineDir", baselines.toString(), "perf.console", "false"));
        assertThat(compared.passed()).as(String.valueOf(compared.failure())).isTrue();
        assertThat(DefaultForkScenario.results.get(0).processIds()).hasSize(1).doesNotContain(SELF);
        assertThat(DefaultForkScenario.results.get(0).calibration()).hasSize(4);

        DefaultForkScenario.results.clear();
        Outcome off = Scenarios.single(
                DefaultForkScenario.class, Map.of("perf.scale", "1", "perf.baseline", "off", "perf.console", "false"));
        assertThat(off.passed()).as(String.valueOf(off.failure())).isTrue();
        assertThat(DefaultForkScenario.results.get(0).processIds()).containsExactly(SELF);
    }

    @Test
    void eachParameterizedInvocationForksWithItsOwnArgument() {
        ParameterizedScenario.results.clear();
        List<Outcome> outcomes = Scenarios.run(
                ParameterizedScenario.class,
                Map.of("perf.scale", "1", "perf.baseline", "off", "perf.console", "false"));
        assertThat(outcomes).filteredOn(Outcome::passed).hasSize(2);
        assertThat(ParameterizedScenario.results)
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.processIds()).doesNotContain(SELF));
        // Ten times the work per call costs more CPU per call (thread CPU time: robust to a busy machine): the fork
        // ran the invocation's own argument.
        double small = ParameterizedScenario.results.get(0).cpuNanosPerOp();
        double large = ParameterizedScenario.results.get(1).cpuNanosPerOp();
        assertThat(large).isGreaterThan(small * 3);
    }

    @Test
    void aForkedTestWhoseBenchmarkThrowsFailsWithTheForksOneLineReason() {
        Outcome outcome = Scenarios.single(
                ThrowingForkScenario.class, Map.of("perf.scale", "1", "perf.baseline", "off", "perf.console", "false"));
        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.failure())
                .isInstanceOf(BenchmarkFailedException.class)
                .hasMessageContaining("benchmark fork 1 of 1")
                .hasMessageContaining("boom");
    }

    /** The operations the programmatic forks run. */
    public static final class Work {
        /** A small computation. */
        public void work(Blackhole bh) {
            bh.consume(BenchmarkExtensionTest.work(200));
        }

        /** Throws unless this JVM consumes through the compiler blackhole. */
        public static void requireCompilerBlackhole(Blackhole bh) {
            if (!Blackhole.compilerBlackholeActive()) {
                throw new IllegalStateException("no compiler blackhole in pid "
                        + ProcessHandle.current().pid());
            }
            bh.consume(1);
        }

        /** Always throws. */
        public static void fail() {
            throw new IllegalStateException("boom in the fork");
        }
    }

    static class ForkedScenario {
        static BenchmarkResult result;
        static int beforeEach;

        @BeforeEach
        void before() {
            beforeEach++;
        }

        @Benchmark(name = "forked-scenario", forks = 2, warmupIterations = 2, iterations = 4, iterationTime = "10ms")
        void work(Blackhole bh) {
            bh.consume(BenchmarkExtensionTest.work(300));
        }

        @AfterEach
        void after(BenchmarkResult measured) {
            result = measured;
        }
    }

    static class DefaultForkScenario {
        static final List<BenchmarkResult> results = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Benchmark(name = "default-fork", warmupIterations = 2, iterations = 4, iterationTime = "10ms")
        void work(Blackhole bh) {
            bh.consume(BenchmarkExtensionTest.work(300));
        }

        @AfterEach
        void after(BenchmarkResult measured) {
            results.add(measured);
        }
    }

    static class ParameterizedScenario {
        static final List<BenchmarkResult> results = new java.util.concurrent.CopyOnWriteArrayList<>();

        @ParameterizedTest
        @ValueSource(ints = {100, 1_000})
        @Benchmark(forks = 1, warmupIterations = 2, iterations = 4, iterationTime = "10ms")
        void work(int n, Blackhole bh) {
            bh.consume(BenchmarkExtensionTest.work(n));
        }

        @AfterEach
        void after(BenchmarkResult measured) {
            results.add(measured);
        }
    }

    static class ThrowingForkScenario {
        @Benchmark(forks = 1, iterations = 2, iterationTime = "5ms")
        void work() {
            throw new IllegalStateException("boom");
        }
    }
}
