package dev.costagent.perf.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.bench.Benchmark;
import dev.costagent.perf.bench.BenchmarkResult;
import dev.costagent.perf.junit.LoadTest;
import dev.costagent.perf.junit.PerfIsolation;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.testing.Scenarios;
import dev.costagent.perf.testing.Scenarios.Outcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Must reach: a {@code @ParameterizedTest} with two arguments and {@code @LoadTest(iterations = 500)} makes 1,000
 * calls, each invocation with its own result; {@code @RepeatedTest} benchmarks run in full per repetition;
 * {@code @Nested} keeps working; two perf tests under parallel execution never overlap in time.
 */
class EveryTestKindTest {

    private static final Map<String, String> CONFIG =
            Map.of("perf.console", "false", "perf.baseline", "off", "perf.scale", "1");

    @Test
    void aParameterizedLoadTestRunsTheWholeLoadPerArgumentWithItsOwnResult() {
        Parameterized.CALLS.clear();
        Parameterized.RESULTS.clear();
        List<Outcome> outcomes = ran(Scenarios.run(Parameterized.class, CONFIG));
        assertThat(outcomes)
                .hasSize(2)
                .allSatisfy(o ->
                        assertThat(o.passed()).as(String.valueOf(o.failure())).isTrue());
        assertThat(Parameterized.CALLS).containsEntry(1, 500L).containsEntry(2, 500L);
        assertThat(Parameterized.CALLS.values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(1_000);
        assertThat(Parameterized.RESULTS)
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.count()).isEqualTo(500));
        assertThat(outcomes).allSatisfy(o -> assertThat(o.entries()).containsEntry("perf.count", "500"));
    }

    @Test
    void aRepeatedBenchmarkMeasuresInFullEachTime() {
        Repeated.RESULTS.clear();
        List<Outcome> outcomes = ran(Scenarios.run(Repeated.class, CONFIG));
        assertThat(outcomes)
                .hasSize(3)
                .allSatisfy(o ->
                        assertThat(o.passed()).as(String.valueOf(o.failure())).isTrue());
        assertThat(Repeated.RESULTS).hasSize(3).allSatisfy(r -> {
            assertThat(r.samples()).hasSize(3);
            assertThat(r.operations()).isGreaterThan(100);
        });
        assertThat(outcomes).allSatisfy(o -> assertThat(o.entries()).containsKey("perf.median.ns"));
    }

    /** Without the plain-test twin JUnit also discovers for a template method (disabled by the harness). */
    private static List<Outcome> ran(List<Outcome> outcomes) {
        assertThat(outcomes.stream()
                        .filter(o -> o.status().startsWith("SKIPPED"))
                        .toList())
                .allSatisfy(o -> assertThat(o.status()).contains("runs once per invocation"));
        return outcomes.stream().filter(o -> !o.status().startsWith("SKIPPED")).toList();
    }

    @Test
    void aNestedLoadTestRuns() {
        Outer.Inner.calls.set(0);
        List<Outcome> outcomes = Scenarios.run(Outer.class, CONFIG);
        assertThat(outcomes)
                .singleElement()
                .satisfies(o -> assertThat(o.passed()).isTrue());
        assertThat(Outer.Inner.calls).hasValue(50);
    }

    @Test
    void twoPerfTestsUnderParallelExecutionNeverOverlap() {
        Parallel.SPANS.clear();
        Map<String, String> parallel = new java.util.HashMap<>(CONFIG);
        parallel.put("junit.jupiter.execution.parallel.enabled", "true");
        parallel.put("junit.jupiter.execution.parallel.mode.default", "concurrent");
        parallel.put("junit.jupiter.execution.parallel.config.strategy", "fixed");
        parallel.put("junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
        List<Outcome> outcomes = Scenarios.run(Parallel.class, parallel);
        assertThat(outcomes)
                .hasSize(3)
                .allSatisfy(o ->
                        assertThat(o.passed()).as(String.valueOf(o.failure())).isTrue());
        assertThat(Parallel.SPANS).hasSize(3);
        List<long[]> spans = List.copyOf(Parallel.SPANS);
        for (int i = 0; i < spans.size(); i++) {
            for (int j = i + 1; j < spans.size(); j++) {
                boolean overlap = spans.get(i)[0] < spans.get(j)[1] && spans.get(j)[0] < spans.get(i)[1];
                assertThat(overlap).as("spans %d and %d overlap", i, j).isFalse();
            }
        }
    }

    @Test
    void forcedOverlapIsNotedInTheReport() {
        PerfIsolation.Window a = PerfIsolation.begin("a");
        PerfIsolation.Window b = PerfIsolation.begin("b");
        assertThat(PerfIsolation.begin("a"))
                .as("a second window of one test is the same measurement")
                .isNull();
        assertThat(b.end()).contains("1 other perf measurement(s)");
        assertThat(a.end()).contains("1 other perf measurement(s)");
        assertThat(PerfIsolation.begin("c").end()).isEmpty();
    }

    static class Parameterized {
        static final Map<Integer, Long> CALLS = new ConcurrentHashMap<>();
        static final List<LoadResult> RESULTS = new CopyOnWriteArrayList<>();

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        @LoadTest(iterations = 500)
        void call(int argument) {
            CALLS.merge(argument, 1L, Long::sum);
        }

        @AfterEach
        void after(LoadResult result) {
            RESULTS.add(result);
        }
    }

    static class Repeated {
        static final List<BenchmarkResult> RESULTS = new CopyOnWriteArrayList<>();

        @RepeatedTest(3)
        @Benchmark(warmupIterations = 1, iterations = 3, iterationTime = "5ms")
        void work(Blackhole bh) {
            bh.consume(System.nanoTime());
        }

        @AfterEach
        void after(BenchmarkResult result) {
            RESULTS.add(result);
        }
    }

    static class Outer {
        @Nested
        class Inner {
            static final AtomicLong calls = new AtomicLong();

            @LoadTest(iterations = 50)
            void call() {
                calls.incrementAndGet();
            }
        }
    }

    static class Parallel {
        static final List<long[]> SPANS = new CopyOnWriteArrayList<>();

        private long start;

        @org.junit.jupiter.api.BeforeEach
        void before() {
            start = System.nanoTime();
        }

        @LoadTest(iterations = 2_000)
        void first() throws InterruptedException {
            Thread.sleep(0, 10_000); // a short blocking call: a slow service stand-in
        }

        @LoadTest(iterations = 2_000)
        void second() throws InterruptedException {
            Thread.sleep(0, 10_000);
        }

        @Benchmark(warmupIterations = 1, iterations = 2, iterationTime = "20ms")
        void third(Blackhole bh) {
            bh.consume(System.nanoTime());
        }

        @AfterEach
        void after() {
            SPANS.add(new long[] {start, System.nanoTime()});
        }
    }
}
