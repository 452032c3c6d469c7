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
 * 200 calls (10 beyond the p95), not on single seconds of a few calls.
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
        @SpikeLoad(baseRate = 200, spikeRate = 400, spike = "1s", before = "2s", after = "3s")
        @Requirements(maxRecovery = "1s")
        void call() throws InterruptedException {
            Thread.sleep(5); // a constant 5 ms service
        }
    }

    static class NeverRecovers {
        private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

        @SpikeLoad(baseRate = 200, spikeRate = 400, spike = "1s", before = "2s", after = "3s")
        @Requirements(maxRecovery = "1s")
        void call() throws InterruptedException {
            // 5 ms for the 400 calls before the spike (2 s at 200/s), then 200 ms for good: a leak the spike set
            // off. Counted in calls, not time, so a slow start on a busy machine does not move the turn.
            Thread.sleep(calls.incrementAndGet() <= 400 ? 5 : 200);
        }
    }
}
