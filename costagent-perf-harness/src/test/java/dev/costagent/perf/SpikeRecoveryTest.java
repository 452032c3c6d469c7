package dev.costagent.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.result.ErrorStats;
import dev.costagent.perf.result.LoadModel;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.Phase;
import dev.costagent.perf.result.Recovery;
import dev.costagent.perf.result.SecondSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Recovery time computed from a made-up series: baseline, spike, then p95 coming back down. */
class SpikeRecoveryTest {

    private static final long MS = 1_000_000L;

    @Test
    void recoveryIsTheTimeFromTheSpikeEndUntilP95IsBackWithinTheTolerance() {
        // seconds 0-4 baseline p95 10 ms, 5-6 spike, then 80, 40, 11, 10, 10 ms
        LoadResult result = resultWith(
                new long[] {10, 10, 11, 9, 10, 300, 400, 80, 40, 11, 10, 10},
                Duration.ofSeconds(5),
                Duration.ofSeconds(7));

        Recovery recovery = result.recovery(20).orElseThrow();

        assertThat(recovery.recovered()).isTrue();
        assertThat(recovery.baselineP95()).isEqualTo(Duration.ofMillis(10));
        assertThat(recovery.time()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aRunThatNeverRecoversSaysSo() {
        LoadResult result =
                resultWith(new long[] {10, 10, 10, 300, 300, 300}, Duration.ofSeconds(3), Duration.ofSeconds(4));

        Recovery recovery = result.recovery(20).orElseThrow();

        assertThat(recovery.recovered()).isFalse();
        assertThat(recovery.time()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aSingleGoodSecondFollowedByABadOneIsNotRecovery() {
        LoadResult result =
                resultWith(new long[] {10, 10, 10, 300, 10, 300, 10, 10}, Duration.ofSeconds(3), Duration.ofSeconds(4));

        assertThat(result.recovery(20).orElseThrow().time()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void withoutASpikePhaseThereIsNoRecovery() {
        LoadResult result = resultWith(new long[] {10, 10}, null, null);

        assertThat(result.recovery(20)).isEmpty();
    }

    static LoadResult resultWith(long[] p95Millis, Duration spikeStart, Duration spikeEnd) {
        List<SecondSample> series = new ArrayList<>();
        for (int i = 0; i < p95Millis.length; i++) {
            long p95 = p95Millis[i] * MS;
            series.add(new SecondSample(i, 1_000_000_000L, 100, 0, 0, 1, p95 / 2, p95, p95, p95, p95 / 2.0, Map.of()));
        }
        List<Phase> phases = spikeStart == null
                ? List.of()
                : List.of(
                        new Phase("baseline", Phase.Kind.STEADY, Duration.ZERO, spikeStart),
                        new Phase("spike", Phase.Kind.SPIKE, spikeStart, spikeEnd));
        Histogram h = new Histogram(3);
        return new LoadResult(
                "made-up",
                LoadModel.OPEN,
                "made up",
                false,
                1,
                Instant.EPOCH,
                Duration.ofSeconds(p95Millis.length),
                h,
                h,
                new ErrorStats(0, Map.of(), List.of()),
                0,
                series,
                phases,
                Map.of(),
                Duration.ZERO);
    }
}
