package dev.costagent.perf.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.testing.Scenarios;
import dev.costagent.perf.testing.Scenarios.Outcome;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScalabilityExtensionTest {

    private static final Map<String, String> CONFIG = Map.of("perf.scale", "1");

    @Test
    void waitingWorkMeetsAModestEfficiencyAndTheResultIsInjected() {
        Outcome outcome = Scenarios.single(WaitingScenario.class, CONFIG);
        assertThat(outcome.passed()).as(String.valueOf(outcome.failure())).isTrue();
        assertThat(outcome.entries())
                .containsKeys(
                        "perf.efficiency.1",
                        "perf.efficiency.2",
                        "perf.efficiency.4",
                        "perf.amdahl.sigma",
                        "perf.usl.kappa")
                .containsEntry(
                        "perf.availableProcessors",
                        Integer.toString(Runtime.getRuntime().availableProcessors()));
        assertThat(WaitingScenario.injected.points()).hasSize(3);
        assertThat(WaitingScenario.injected.invocations())
                .isGreaterThanOrEqualTo(WaitingScenario.injected.points().stream()
                        .mapToLong(ScalingPoint::operations)
                        .sum());
    }

    @Test
    void anUnreachableEfficiencyFailsListingEveryWorkerCount() {
        Outcome outcome = Scenarios.single(ImpossibleScenario.class, CONFIG);
        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.failure())
                .hasMessageContaining("efficiency at 2 workers: measured")
                .hasMessageContaining("efficiency at 3 workers: measured")
                .hasMessageContaining("required >= 100.00");
    }

    static class WaitingScenario {
        static ScalingResult injected;

        /** Simulates a 5 ms remote call: waiting, which scales past the cores (long against wake-up delays). */
        @Scalability(
                workers = {1, 2, 4},
                warmup = "20ms",
                window = "250ms",
                minEfficiency = 0.5)
        void call(Blackhole bh) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            bh.consume(1);
        }

        @AfterEach
        void after(ScalingResult result) {
            injected = result;
        }
    }

    static class ImpossibleScenario {
        @Scalability(
                workers = {1, 2, 3},
                warmup = "10ms",
                window = "40ms",
                minEfficiency = 100)
        void call(Blackhole bh) {
            bh.consume(System.nanoTime());
        }
    }
}
