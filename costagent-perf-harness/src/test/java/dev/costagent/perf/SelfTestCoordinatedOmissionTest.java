package dev.costagent.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.SecondSample;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Self-test (b): a service that freezes once for a second. The open model (100/s for 5 s, one worker) must show the
 * freeze in the response times of every start that queued behind it, while the service time stays at the
 * operation's own cost; a closed loop, for contrast, sees one slow call and hides the stall.
 */
class SelfTestCoordinatedOmissionTest {

    private static final long OPERATION_NANOS = 500_000L;
    private static final long FREEZE_NANOS = 1_000_000_000L;

    @Test
    void openModelCountsTheFreezeFromEachIntendedStartWhileAClosedLoopHidesIt() {
        LoadResult open =
                Load.open(100).duration(Duration.ofSeconds(5)).maxConcurrency(1).run(freezingOnceAfter(150));

        assertThat(open.count()).isEqualTo(500);
        assertThat(open.droppedStarts()).isZero();
        assertThat(open.responseTime(99)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(open.serviceTime(50)).isLessThan(Duration.ofNanos(OPERATION_NANOS * 3));
        assertThat(open.serviceTime(99)).isLessThan(Duration.ofMillis(100));
        // the series shows the backlog building up behind the frozen call
        assertThat(open.series().stream()
                        .mapToDouble(s -> s.probes().get(SecondSample.OPEN_WAITING))
                        .max()
                        .orElseThrow())
                .isGreaterThanOrEqualTo(40);

        LoadResult closed = Load.closed(1).iterations(500).run(freezingOnceAfter(150));

        assertThat(closed.maxResponseTime()).isGreaterThanOrEqualTo(Duration.ofNanos(FREEZE_NANOS));
        assertThat(closed.responseTime(99)).isLessThan(Duration.ofMillis(100));
    }

    /** Busy for the operation's time on each call, and parked (a frozen service) for one second once. */
    private static Load.Operation freezingOnceAfter(long calls) {
        AtomicLong count = new AtomicLong();
        AtomicBoolean frozen = new AtomicBoolean();
        return () -> {
            if (count.incrementAndGet() > calls && frozen.compareAndSet(false, true)) {
                long until = System.nanoTime() + FREEZE_NANOS;
                while (System.nanoTime() < until) {
                    LockSupport.parkNanos(until - System.nanoTime());
                }
            }
            Spin.forNanos(OPERATION_NANOS);
        };
    }
}
