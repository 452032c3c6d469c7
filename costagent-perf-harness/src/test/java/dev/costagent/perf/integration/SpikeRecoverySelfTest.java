package dev.costagent.perf.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.junit.Requirements;
import dev.costagent.perf.junit.SpikeLoad;
import dev.costagent.perf.testing.Scenarios;
import dev.costagent.perf.testing.Scenarios.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Must reach: spike recovery on a constant-latency service gives no false failure (20 runs at {@code perf.scale} 1,
 * one in the default build), and a service that does not recover fails. Recovery is judged on windows of at least
 * 200 calls (10 beyond the p95), not on single seconds of a few calls, each window's p95 with its binomial error;
 * the baseline pools the two whole seconds after the start-up second.
 */
@Tag("perf")
class SpikeRecoverySelfTest {

    private static final Map<String, String> CONFIG = Map.of("perf.console", "false");

    private static int runs() {
        return Double.parseDouble(System.getProperty("perf.scale", "1")) >= 1 ? 20 : 1;
    }

    @Test
    void aConstantLatencyServiceNeverFailsItsRecoveryRequirement() {
        int failures = 0;
        int runs = runs();
        StringBuilder why = new StringBuilder();
        for (int run = 0; run < runs; run++) {
            Outcome outcome = Scenarios.single(Constant.class, CONFIG);
            if (!outcome.passed()) {
                failures++;
                why.append(outcome.failure()).append('\n');
            }
        }
        assertThat(failures).as("false failures in %d runs:%n%s", runs, why).isZero();
    }

    @Test
    void aServiceThatStaysSlowAfterTheSpikeFails() {
        Outcome outcome = Scenarios.single(NeverRecovers.class, CONFIG);
        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.failure()).hasMessageContaining("recover");
    }

    static class Constant {
        @SpikeLoad(baseRate = 200, spikeRate = 400, spike = "1s", before = "3s", after = "3s")
        @Requirements(maxRecovery = "1s")
        void call() throws InterruptedException {
            Thread.sleep(5); // a constant 5 ms service
        }
    }

    static class NeverRecovers {
        private final java.util.concurrent.atomic.AtomicLong firstCall = new java.util.concurrent.atomic.AtomicLong();

        @SpikeLoad(baseRate = 200, spikeRate = 400, spike = "1s", before = "3s", after = "3s")
        @Requirements(maxRecovery = "1s")
        void call() throws InterruptedException {
            // 5 ms until the spike (3 s after the first call), then 200 ms for good: a leak the spike set off. Timed
            // from the first call rather than counted in calls: a backlog of late calls from a slow start on a busy
            // machine would otherwise turn the service slow before the spike, into the baseline.
            long now = System.nanoTime();
            firstCall.compareAndSet(0, now);
            Thread.sleep(now - firstCall.get() < 3_000_000_000L ? 5 : 200);
        }
    }
}
