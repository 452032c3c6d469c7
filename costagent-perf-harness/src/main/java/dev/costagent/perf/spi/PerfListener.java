package dev.costagent.perf.spi;

import dev.costagent.perf.result.SecondSample;

/**
 * Live callbacks during a load run: a progress line, a resource sampler, a dashboard. All methods default to doing
 * nothing. Run-level calls come from the sampling thread, never from a worker, so a slow listener delays the series,
 * not the load; still, keep them short. The two worker-level calls run on each worker thread, outside the per-call
 * path, so a listener can read per-thread counters (allocated bytes, CPU time) around exactly the measured calls.
 * An exception thrown by a listener stops the run with an error naming it.
 */
public interface PerfListener {

    /** The measured phase begins (after any warm-up). */
    default void runStarted(LoadRun run) {}

    /**
     * Called on a worker thread just before its first measured call (after any warm-up). Paired with
     * {@link #workerEnded}; a worker that makes no measured call gets neither.
     */
    default void workerStarted(LoadRun run) {}

    /** Called on a worker thread just after its last measured call. */
    default void workerEnded(LoadRun run) {}

    /** One more second of the series is complete; {@code sample} is also in the final result. */
    default void secondCompleted(LoadRun run, SecondSample sample) {}

    /**
     * Every operation has finished and the result is about to be built: the place to {@link LoadRun#attach attach}
     * final values.
     */
    default void runEnded(LoadRun run) {}
}
