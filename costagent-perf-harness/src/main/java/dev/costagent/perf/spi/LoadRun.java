package dev.costagent.perf.spi;

import dev.costagent.perf.result.LoadModel;
import java.time.Duration;

/**
 * A run in progress, as seen by a {@link PerfListener}. Listeners may {@link #attach attach} values (resource usage,
 * a custom metric) that end up in {@link dev.costagent.perf.result.LoadResult#attachments()} and so reach requirements and
 * reporters.
 */
public interface LoadRun {

    /** The run's name (the test's display name under JUnit). */
    String name();

    /** Closed (fixed users) or open (fixed arrival schedule). */
    LoadModel model();

    /** How many worker threads the run uses at most. */
    int workers();

    /** The measured duration the run was planned for; zero when it is bounded by iterations instead. */
    Duration plannedDuration();

    /** {@link System#nanoTime()} at the start of the measured phase (after warm-up). */
    long startNanos();

    /** Operations in flight right now. */
    int concurrency();

    /**
     * Attaches a value under a key; a later value replaces an earlier one. Thread-safe.
     *
     * @throws NullPointerException if key or value is null
     */
    void attach(String key, Object value);
}
