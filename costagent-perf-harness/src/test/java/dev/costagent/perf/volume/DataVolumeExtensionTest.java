package dev.costagent.perf.volume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.testing.Scenarios;
import dev.costagent.perf.testing.Scenarios.Outcome;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataVolumeExtensionTest {

    private static final Map<String, String> CONFIG = Map.of("perf.scale", "1");

    @Test
    void setupBuildsEachSizeOncePerRoundAndTheTestProcessesIt() {
        LinearScenario.setups.set(0);
        Outcome outcome = Scenarios.single(LinearScenario.class, CONFIG);
        assertThat(outcome.passed()).as(String.valueOf(outcome.failure())).isTrue();
        assertThat(LinearScenario.setups).as("3 sizes x 2 rounds").hasValue(6);
        assertThat(outcome.entries())
                .containsKeys(
                        "perf.exponent",
                        "perf.degradation",
                        "perf.nsPerRecord.1000",
                        "perf.nsPerRecord.4000",
                        "perf.nsPerRecord.16000");
        assertThat(LinearScenario.injected.points())
                .extracting(VolumePoint::size)
                .containsExactly(1_000, 4_000, 16_000);
        assertThat(LinearScenario.injected.recordsProcessed())
                .isGreaterThanOrEqualTo(3L * 1_000 + 3L * 4_000 + 3L * 16_000);
    }

    @Test
    void violatedLimitsFailWithMeasuredAgainstRequired() {
        Outcome outcome = Scenarios.single(StrictScenario.class, CONFIG);
        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.failure())
                .hasMessageContaining("2 of 2 performance requirements not met")
                .hasMessageContaining("complexity exponent (log-log slope): measured")
                .hasMessageContaining("required <= 0.10")
                .hasMessageContaining("per-record time degradation 100 -> 1000");
    }

    @Test
    void aMissingSetupMethodIsAClearConfigurationError() {
        Outcome outcome = Scenarios.single(MissingSetupScenario.class, CONFIG);
        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.failure()).hasMessageContaining("setup method 'nowhere(int size)'");
    }

    static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v ^ (total >>> 5);
        }
        return total;
    }

    static class LinearScenario {
        static final AtomicInteger setups = new AtomicInteger();
        static VolumeResult injected;

        long[] values(int size) {
            setups.incrementAndGet();
            long[] values = new long[size];
            for (int i = 0; i < size; i++) {
                values[i] = i * 7L;
            }
            return values;
        }

        @DataVolume(
                sizes = {1_000, 4_000, 16_000},
                setup = "values",
                warmup = "20ms",
                minTime = "20ms",
                maxExponent = 3,
                clock = DataVolumeRunner.Clock.THREAD_CPU)
        void process(long[] values, Blackhole bh) {
            bh.consume(sum(values));
        }

        @AfterEach
        void after(VolumeResult result) {
            injected = result;
        }
    }

    static class StrictScenario {
        static long[] values(int size) {
            return new long[size];
        }

        @DataVolume(
                sizes = {100, 1_000},
                setup = "values",
                warmup = "5ms",
                minTime = "5ms",
                maxExponent = 0.1,
                maxDegradation = 0.01)
        void process(Blackhole bh, long[] values) {
            bh.consume(sum(values));
        }
    }

    static class MissingSetupScenario {
        @DataVolume(setup = "nowhere")
        void process(long[] values) {}
    }
}
