package dev.costagent.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.perf.result.LoadModel;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.SecondSample;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

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
        assertThat(result.series().stream().mapToLong(SecondSample::completed).sum())
                .isEqualTo(10_000);
    }

    @Test
    void totalIterationsAreSharedOutExactly() {
        LongAdder calls = new LongAdder();

        LoadResult result = Load.closed(4).totalIterations(1_003).run(calls::increment);
        LoadResult fewerCallsThanUsers = Load.closed(5).totalIterations(3).run(() -> {});

        assertThat(result.count()).isEqualTo(1_003);
        assertThat(calls.sum()).isEqualTo(1_003);
        assertThat(result.description()).contains("1003 iterations in all");
        assertThat(fewerCallsThanUsers.count()).isEqualTo(3);
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
        LoadResult result = Load.closed(2).duration(Duration.ofMillis(300)).run(() -> {});

        assertThat(result.count()).isPositive();
        assertThat(result.elapsed()).isBetween(Duration.ofMillis(300), Duration.ofMillis(1_300));
    }

    @Test
    void warmUpCallsAreNotInTheResult() {
        LongAdder calls = new LongAdder();

        LoadResult result =
                Load.closed(1).iterations(50).warmup(Duration.ofMillis(100)).run(calls::increment);

        assertThat(result.count()).isEqualTo(50);
        assertThat(calls.sum()).isGreaterThan(50);
    }

    @Test
    void rampUpStartsUsersSpreadOverTheRampTime() {
        Map<String, Long> firstCall = new ConcurrentHashMap<>();
        long before = System.nanoTime();

        Load.closed(4)
                .duration(Duration.ofMillis(700))
                .rampUp(Duration.ofMillis(600))
                .threads(ThreadMode.PLATFORM)
                .name("ramp")
                .run(() -> firstCall.putIfAbsent(Thread.currentThread().getName(), System.nanoTime()));

        assertThat(firstCall).hasSize(4);
        // users start at 0, 150, 300 and 450 ms; all at once would put every first call near zero
        assertThat(Duration.ofNanos(firstCall.get("ramp-worker-1") - before))
                .isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(Duration.ofNanos(firstCall.get("ramp-worker-3") - before))
                .isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void badSettingsAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> Load.closed(0)).hasMessageContaining("users must be positive");
        assertThatThrownBy(() -> Load.closed(1).iterations(0)).hasMessageContaining("iterations must be positive");
        assertThatThrownBy(() -> Load.closed(1).duration(Duration.ZERO))
                .hasMessageContaining("duration must be positive");
        assertThatThrownBy(() -> Load.closed(1).warmup(Duration.ofSeconds(-1))).hasMessageContaining("warmup");
    }
}
