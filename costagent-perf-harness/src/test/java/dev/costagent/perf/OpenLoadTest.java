package dev.costagent.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.perf.result.LoadModel;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.SecondSample;
import dev.costagent.perf.spi.LoadRun;
import dev.costagent.perf.spi.PerfListener;
import dev.costagent.perf.spi.Probe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class OpenLoadTest {

    @Test
    void aConstantRateStartsExactlyRateTimesDurationOperations() {
        LongAdder calls = new LongAdder();

        LoadResult result = Load.open(250).duration(Duration.ofMillis(800)).run(calls::increment);

        assertThat(result.count()).isEqualTo(200);
        assertThat(calls.sum()).isEqualTo(200);
        assertThat(result.model()).isEqualTo(LoadModel.OPEN);
        assertThat(result.responseTime(99)).isGreaterThanOrEqualTo(result.serviceTime(99));
    }

    @Test
    void startsLaterThanTheLatenessBoundAreDroppedAndCounted() {
        LoadResult result = Load.open(200)
                .duration(Duration.ofSeconds(1))
                .maxConcurrency(1)
                .maxLateness(Duration.ofMillis(30))
                .run(() -> Spin.forNanos(20_000_000L));

        assertThat(result.droppedStarts()).isPositive();
        assertThat(result.count() + result.droppedStarts()).isEqualTo(200);
        // Without dropping, 4 s of work offered in 1 s would leave the last starts about 3 s late.
        assertThat(result.responseTime(100)).isLessThan(Duration.ofSeconds(1));
        assertThat(result.series().stream().mapToLong(SecondSample::dropped).sum())
                .isEqualTo(result.droppedStarts());
    }

    @Test
    void startsFallingDueWhileTheQueueIsFullAreDroppedAndCounted() {
        LoadResult result = Load.open(200)
                .duration(Duration.ofSeconds(1))
                .maxConcurrency(1)
                .maxQueue(3)
                .run(() -> Spin.forNanos(20_000_000L));

        assertThat(result.droppedStarts()).isPositive();
        assertThat(result.count() + result.droppedStarts()).isEqualTo(200);
    }

    @Test
    void aBurstStartsAllItsCallsAtOnce() {
        CyclicBarrier allTogether = new CyclicBarrier(40);

        LoadResult result = Load.burst(40).run(() -> allTogether.await(5, TimeUnit.SECONDS));

        assertThat(result.count()).isEqualTo(40);
        assertThat(result.errorCount()).isZero();
    }

    @Test
    void warmUpStartsAreNotInTheResult() {
        LongAdder calls = new LongAdder();

        LoadResult result = Load.open(200)
                .duration(Duration.ofMillis(500))
                .warmup(Duration.ofMillis(250))
                .run(calls::increment);

        assertThat(result.count()).isEqualTo(100);
        assertThat(calls.sum()).isEqualTo(150);
    }

    @Test
    void probesAreSampledIntoTheSeriesAndListenersSeeTheRunAndCanAttach() {
        AtomicInteger gauge = new AtomicInteger(7);
        List<String> events = new CopyOnWriteArrayList<>();
        PerfListener listener = new PerfListener() {
            @Override
            public void runStarted(LoadRun run) {
                events.add("started " + run.model());
            }

            @Override
            public void secondCompleted(LoadRun run, SecondSample sample) {
                events.add("second " + sample.second());
            }

            @Override
            public void runEnded(LoadRun run) {
                events.add("ended");
                run.attach("answer", 42);
            }
        };

        LoadResult result = Load.open(100)
                .duration(Duration.ofMillis(1_500))
                .probe(Probe.of("gauge", gauge::get))
                .listener(listener)
                .run(() -> {});

        assertThat(result.series()).hasSize(2);
        assertThat(result.series()).allSatisfy(s -> assertThat(s.probes()).containsEntry("gauge", 7.0));
        assertThat(events).containsExactly("started OPEN", "second 0", "second 1", "ended");
        assertThat(result.attachment("answer", Integer.class)).contains(42);
        // 100 starts are due in second 0; on a loaded machine late ones complete in second 1 or catch up early.
        assertThat(result.series().get(0).completed()).isBetween(80L, 130L);
    }

    @Test
    void aFailingProbeStopsTheRunWithAClearError() {
        LongAdder calls = new LongAdder();

        assertThatThrownBy(() -> Load.open(50)
                        .duration(Duration.ofSeconds(30))
                        .name("probed")
                        .probe(Probe.of("broken", () -> {
                            throw new IllegalStateException("gauge unavailable");
                        }))
                        .run(calls::increment))
                .hasMessageStartingWith("load run 'probed' stopped: probe 'broken' failed")
                .hasMessageContaining("gauge unavailable");
        long afterFailure = calls.sum();

        assertThat(afterFailure).isLessThan(200); // stopped after about a second, not 30 s
    }

    @Test
    void anOpenLoadNeedsADuration() {
        assertThatThrownBy(() -> Load.open(10).run(() -> {})).hasMessageContaining("needs a duration");
        assertThatThrownBy(() -> Load.open(0)).hasMessageContaining("rate must be a positive");
        assertThatThrownBy(() -> Load.open(5).maxConcurrency(0)).hasMessageContaining("maxConcurrency");
    }
}
