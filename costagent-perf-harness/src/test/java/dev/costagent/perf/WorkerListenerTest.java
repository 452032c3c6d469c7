package dev.costagent.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.LoadRun;
import dev.costagent.perf.spi.PerfListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * The worker-level listener calls bracket exactly the measured calls, on the worker's own thread (so per-thread
 * counters such as allocated bytes can be read around them).
 */
class WorkerListenerTest {

    @Test
    void closedWorkersBracketExactlyTheirMeasuredCalls() {
        Bracket bracket = new Bracket();

        LoadResult result = Load.closed(3)
                .iterations(200)
                .warmup(Duration.ofMillis(50))
                .listener(bracket)
                .run(bracket::call);

        assertThat(bracket.callsInside.sum()).isEqualTo(result.count()).isEqualTo(600);
        assertThat(bracket.callsOutside.sum()).isPositive(); // the warm-up
        assertThat(bracket.events).hasSize(6).allMatch(e -> e.contains("-worker-"));
    }

    @Test
    void openWorkersBracketExactlyTheirMeasuredCalls() {
        Bracket bracket = new Bracket();

        LoadResult result = Load.open(400)
                .duration(Duration.ofMillis(500))
                .warmup(Duration.ofMillis(100))
                .maxConcurrency(2)
                .listener(bracket)
                .run(bracket::call);

        assertThat(bracket.callsInside.sum()).isEqualTo(result.count()).isEqualTo(200);
        assertThat(bracket.callsOutside.sum()).isEqualTo(40);
        assertThat(bracket.events.stream().filter(e -> e.startsWith("started")))
                .hasSameSizeAs(bracket.events.stream()
                        .filter(e -> e.startsWith("ended"))
                        .toList());
    }

    @Test
    void usersWithoutAShareOfTheIterationsGetNoWorkerCalls() {
        Bracket bracket = new Bracket();

        Load.closed(4).totalIterations(2).listener(bracket).run(bracket::call);

        assertThat(bracket.events).hasSize(4);
        assertThat(bracket.callsInside.sum()).isEqualTo(2);
    }

    /** Marks the worker thread between workerStarted and workerEnded and counts calls inside and outside. */
    private static final class Bracket implements PerfListener {
        final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);
        final LongAdder callsInside = new LongAdder();
        final LongAdder callsOutside = new LongAdder();
        final List<String> events = new CopyOnWriteArrayList<>();

        void call() {
            (inside.get() ? callsInside : callsOutside).increment();
        }

        @Override
        public void workerStarted(LoadRun run) {
            inside.set(true);
            events.add("started " + Thread.currentThread().getName());
        }

        @Override
        public void workerEnded(LoadRun run) {
            inside.set(false);
            events.add("ended " + Thread.currentThread().getName());
        }
    }
}
