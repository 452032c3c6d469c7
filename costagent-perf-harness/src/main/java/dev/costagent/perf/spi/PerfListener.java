package dev.costagent.perf.spi;

import dev.costagent.perf.SecondSample;

/**
 * Live callbacks during a load run: a progress line, a resource sampler, a dashboard. All methods default to doing
 * nothing. Calls come from the harness's own threads, never from a worker, so a slow listener delays the series, not
 * the load; still, keep them short.
 */
public interface PerfListener {

    /** The measured phase begins (after any warm-up). */
    default void runStarted(LoadRun run) {
    }

    /** One more second of the series is complete; {@code sample} is also in the final result. */
    default void secondCompleted(LoadRun run, SecondSample sample) {
    }

    /**
     * Every operation has finished and the result is about to be built: the place to {@link LoadRun#attach attach}
     * final values.
     */
    default void runEnded(LoadRun run) {
    }
}
