package dev.costagent.perf;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClosedLoadTest {

    @Test
    void everyUserRunsItsIterationsAndEachCallIsCountedOnce() {
        LongAdder calls = new LongAdder();

        LoadResult result = Load.closed(4).iterations(2_500).run(calls::increment);

        assertThat(calls.sum()).isEqualTo(10_000);
        assertThat(result.count()).isEqualTo(10_000);
        assertThat(result.errorCount()).isZero();
        assertThat(result.droppedStarts()).isZero();
        assertThat(result.model()).isEqualTo(LoadModel.CLOSED);
        assertThat(result.workers()).isEqualTo(4);
        assertThat(result.serviceTime(99)).isEqualTo(result.responseTime(99));
        assertThat(result.series()).isNotEmpty();
        assertThat(result.series().stream().mapToLong(SecondSample::completed).sum()).isEqualTo(10_000);
    }

    @Test
    void withoutABoundEachUserCallsOnce() {
        LongAdder calls = new LongAdder();

        LoadResult result = Load.closed(7).run(calls::increment);

        assertThat(result.count()).isEqualTo(7);
        assertThat(calls.sum()).isEqualTo(7);
    }

    @Test
    void aDurationBoundRunStopsNearItsDuration() {
        LoadResult result = Load.closed(2).duration(Duration.ofMillis(300)).run(() -> { });

        assertThat(result.count()).isPositive();
        assertThat(result.elapsed()).isBetween(Duration.ofMillis(300), Duration.ofMillis(1_300));
    }

    @Test
    void warmUpCallsAreNotInTheResult() {
        LongAdder calls = new LongAdder();

        LoadResult result = Load.closed(1).iterations(50).warmup(Duration.ofMillis(100)).run(calls::increment);

        assertThat(result.count()).isEqualTo(50);
        assertThat(calls.sum()).isGreaterThan(50);
    }

    @Test
    void rampUpStartsUsersSpreadOverTheRampTime() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeenEarly = new AtomicInteger();
        long start = System.nanoTime();

        Load.closed(4).duration(Duration.ofMillis(800)).rampUp(Duration.ofMillis(600)).threads(ThreadMode.PLATFORM)
                .run(() -> {
                    int now = inFlight.incrementAndGet();
                    if (System.nanoTime() - start < 100_000_000L) {
                        maxSeenEarly.accumulateAndGet(now, Math::max);
                    }
                    Thread.onSpinWait();
                    inFlight.decrementAndGet();
                });

        assertThat(maxSeenEarly.get()).isEqualTo(1);
    }

    @Test
    void badSettingsAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> Load.closed(0)).hasMessageContaining("users must be positive");
        assertThatThrownBy(() -> Load.closed(1).iterations(0)).hasMessageContaining("iterations must be positive");
        assertThatThrownBy(() -> Load.closed(1).duration(Duration.ZERO)).hasMessageContaining("duration must be positive");
        assertThatThrownBy(() -> Load.closed(1).warmup(Duration.ofSeconds(-1))).hasMessageContaining("warmup");
    }
}
