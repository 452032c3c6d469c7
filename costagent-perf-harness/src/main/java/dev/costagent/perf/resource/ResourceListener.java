package dev.costagent.perf.resource;

import dev.costagent.perf.SecondSample;
import dev.costagent.perf.spi.LoadRun;
import dev.costagent.perf.spi.PerfListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples resources during every load run it is registered for and attaches the {@link ResourceUsage} to the
 * result under {@value #ATTACHMENT}. Registered through {@link java.util.ServiceLoader}, so the JUnit load tests
 * of harness I sample resources without any setup; for programmatic runs add it with
 * {@code Load.closed(n).listener(new ResourceListener())}.
 */
public final class ResourceListener implements PerfListener {

    /** The attachment key of the {@link ResourceUsage}. */
    public static final String ATTACHMENT = "resources";

    /**
     * Operations completed by the last run whose callbacks ran on this thread. Harness callbacks come from the
     * thread that called {@code run}, which under JUnit is the test's thread, so {@link ResourceBudget} can divide
     * by the load test's count.
     */
    private static final ThreadLocal<long[]> LAST_RUN_OPERATIONS = ThreadLocal.withInitial(() -> new long[] {-1});

    private final Map<LoadRun, ResourceSampler> running = new ConcurrentHashMap<>();
    private final Map<LoadRun, long[]> completed = new ConcurrentHashMap<>();
    private final Duration interval;

    /** A listener sampling at the default interval ({@code perf.resourceIntervalMillis}, else 100 ms). */
    public ResourceListener() {
        this(Duration.ofMillis(Long.getLong("perf.resourceIntervalMillis", 100)));
    }

    /** A listener sampling every {@code interval}. */
    public ResourceListener(Duration interval) {
        this.interval = interval;
    }

    /** Operations of the last load run completed on this thread (sum of its per-second counts), or -1. */
    public static long lastRunOperations() {
        return LAST_RUN_OPERATIONS.get()[0];
    }

    /** Forgets {@link #lastRunOperations()} for this thread. */
    public static void clearLastRunOperations() {
        LAST_RUN_OPERATIONS.get()[0] = -1;
    }

    @Override
    public void runStarted(LoadRun run) {
        completed.put(run, new long[1]);
        running.put(run, ResourceSampler.start(interval));
    }

    @Override
    public void secondCompleted(LoadRun run, SecondSample sample) {
        long[] count = completed.get(run);
        if (count != null) {
            count[0] += sample.completed();
        }
    }

    @Override
    public void runEnded(LoadRun run) {
        ResourceSampler sampler = running.remove(run);
        if (sampler != null) {
            run.attach(ATTACHMENT, sampler.stop());
        }
        long[] count = completed.remove(run);
        if (count != null) {
            LAST_RUN_OPERATIONS.get()[0] = count[0];
        }
    }
}
