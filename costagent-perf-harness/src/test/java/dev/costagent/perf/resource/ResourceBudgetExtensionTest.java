package dev.costagent.perf.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.ThreadMode;
import dev.costagent.perf.bench.Benchmark;
import dev.costagent.perf.junit.LoadTest;
import dev.costagent.perf.junit.ResourceBudget;
import dev.costagent.perf.testing.Scenarios;
import dev.costagent.perf.testing.Scenarios.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResourceBudgetExtensionTest {

    private static final Map<String, String> CONFIG =
            Map.of("perf.scale", "1", "perf.baseline", "off", "perf.console", "false");

    private static volatile Object sink;

    @Test
    void aPlainTestIsOneOperationAndExceedingTheBudgetFailsIt() {
        Outcome outcome = Scenarios.single(PlainScenario.class, CONFIG);
        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.failure())
                .hasMessageContaining("allocated per operation: measured")
                .hasMessageContaining("required <= 16 B")
                .hasMessageContaining("1 operations");
        assertThat(outcome.entries())
                .containsEntry("perf.resources.operations", "1")
                .containsKeys("perf.resources.heapPeak", "perf.resources.cpuPercent", "perf.resources.gcMillis");
        assertThat(PlainScenario.injected).isNotNull();
    }

    @Test
    void withABenchmarkItDividesByEveryInvocation() {
        Outcome outcome = Scenarios.single(BenchmarkScenario.class, CONFIG);
        assertThat(outcome.passed()).as(String.valueOf(outcome.failure())).isTrue();
        assertThat(Long.parseLong(outcome.entries().get("perf.resources.operations")))
                .isGreaterThan(1_000);
        assertThat(Double.parseDouble(outcome.entries().get("perf.resources.allocatedPerOp")))
                .isLessThan(4_096);
    }

    @Test
    void withAHarnessLoadTestItDividesTheWorkersOwnAllocationByTheRunsCount() {
        List<Outcome> outcomes = Scenarios.run(LoadScenario.class, CONFIG);
        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.entries()).containsEntry("perf.resources.operations", "2000");
            assertThat(outcome.status()).isEqualTo("FAILED");
            assertThat(outcome.failure())
                    .hasMessageContaining("allocated per operation")
                    .hasMessageContaining("worker threads / 2000 operations")
                    .hasMessageContaining("required <= 64 B");
            // A 512-byte array plus its header, and over only 1,000 calls per worker some one-time allocation (first
            // calls through method handles); the whole-JVM figure was several KiB per operation.
            assertThat(Double.parseDouble(outcome.entries().get("perf.resources.allocatedPerOp")))
                    .isBetween(512.0, 1_024.0);
        });
    }

    static class PlainScenario {
        static ResourceUsage injected;

        @Test
        @ResourceBudget(maxAllocatedPerOp = "16B", maxGcTime = "1m", interval = "10ms")
        void allocates() {
            sink = new byte[1 << 20];
        }

        @AfterEach
        void after(ResourceUsage usage) {
            injected = usage;
        }
    }

    static class BenchmarkScenario {
        @Benchmark(warmupIterations = 1, iterations = 3, iterationTime = "20ms")
        @ResourceBudget(maxAllocatedPerOp = "4KB", interval = "10ms")
        void add(Blackhole bh) {
            bh.consume(System.nanoTime() * 31);
        }
    }

    static class LoadScenario {
        @LoadTest(
                users = 2,
                iterations = 1_000,
                threads = ThreadMode.PLATFORM) // per-thread counters need platform threads
        @ResourceBudget(maxAllocatedPerOp = "64B", interval = "10ms")
        void allocate() {
            sink = new byte[512];
        }
    }
}
