package dev.costagent.perf.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.costagent.perf.bench.BenchmarkFailedException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ScalabilityRunnerTest {

    private static ScalabilityRunner quick(int... workers) {
        return ScalabilityRunner.named("t")
                .scale(1)
                .workers(workers)
                .warmup(Duration.ofMillis(30))
                .window(Duration.ofMillis(150));
    }

    /**
     * Waiting work (a simulated 10 ms remote call) scales past the core count: that is real, not faked. The wait
     * is long so that wake-up delays on a loaded CI machine stay small against it.
     */
    @Test
    void waitingWorkScalesBeyondTheCores() {
        ScalingResult r = ScalabilityRunner.named("t")
                .scale(1)
                .workers(1, 2, 4)
                .warmup(Duration.ofMillis(30))
                .window(Duration.ofMillis(400))
                .run(bh -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)));
        assertThat(r.at(4).speedup()).as(r.summary()).isGreaterThan(2.8);
        assertThat(r.at(4).busyCores())
                .as("waiting uses little CPU: " + r.summary())
                .isLessThan(1.0);
        assertThat(r.at(1).operations()).isPositive();
        assertThat(r.availableProcessors()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    /**
     * CPU-bound work cannot use more than the cores: the busy-core figure (worker CPU time per second) shows it
     * whatever else runs on the machine. Throughput speedup itself is not asserted: on a shared machine one
     * worker gets a smaller share of contended cores than four do.
     */
    @Test
    void cpuBoundWorkIsCappedByTheCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        assumeThat(cores).as("needs fewer than 4 cores to saturate").isLessThan(4);
        ScalingResult r = quick(1, 4).run(bh -> {
            long x = 0;
            for (int i = 0; i < 2_000; i++) {
                x += (x ^ i) * 31;
            }
            bh.consume(x);
        });
        assertThat(r.at(4).busyCores()).as(r.summary()).isLessThan(cores + 0.3);
        assertThat(r.at(1).busyCores()).as(r.summary()).isLessThan(1.3);
        assertThat(r.checkMinEfficiency(0.85).get(0).note()).contains("available processors");
    }

    @Test
    void failingOperationStopsTheRun() {
        assertThatThrownBy(() -> quick(1, 2).run(bh -> {
                    throw new java.io.IOException("connection refused");
                }))
                .isInstanceOf(BenchmarkFailedException.class)
                .hasMessageContaining("connection refused");
    }
}
