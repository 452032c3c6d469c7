package dev.costagent.perf.resource;

import dev.costagent.perf.spi.LoadRun;
import dev.costagent.perf.spi.PerfListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples resources during every load run it is registered for and attaches the {@link ResourceUsage} to the
 * result under {@value #ATTACHMENT}, and the worker threads' own allocation and CPU time (read on each worker
 * around exactly its measured calls) as a {@link WorkerUsage} under {@value #WORKER_ATTACHMENT}. Registered through {@link java.util.ServiceLoader}, so the JUnit load tests
 * of harness I sample resources without any setup; for programmatic runs add it with
 * {@code Load.closed(n).listener(new ResourceListener())}.
 */
public final class ResourceListener implements PerfListener {

    /** The attachment key of the {@link ResourceUsage}. */
    public static final String ATTACHMENT = "resources";
    /** The attachment key of the {@link WorkerUsage}. */
    public static final String WORKER_ATTACHMENT = "resources.workers";

    private final Map<LoadRun, ResourceSampler> running = new ConcurrentHashMap<>();
    private final Map<LoadRun, WorkerTotals> workerTotals = new ConcurrentHashMap<>();
    /** Per worker thread: allocated bytes and CPU time at {@link #workerStarted}. */
    private final ThreadLocal<long[]> workerStart = ThreadLocal.withInitial(() -> new long[2]);

    private final Duration interval;

    /** A listener sampling at the default interval ({@code perf.resourceIntervalMillis}, else 100 ms). */
    public ResourceListener() {
        this(Duration.ofMillis(dev.costagent.perf.report.PerfConfig.millis("perf.resourceIntervalMillis", 100)));
    }

    /** A listener sampling every {@code interval}. */
    public ResourceListener(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void workerStarted(LoadRun run) {
        long[] start = workerStart.get();
        start[0] = JvmGauges.currentThreadAllocatedBytes();
        start[1] = JvmGauges.currentThreadCpuNanos();
    }

    @Override
    public void workerEnded(LoadRun run) {
        long allocated = JvmGauges.currentThreadAllocatedBytes();
        long cpu = JvmGauges.currentThreadCpuNanos();
        long[] start = workerStart.get();
        workerTotals
                .computeIfAbsent(run, r -> new WorkerTotals())
                .add(
                        start[0] < 0 || allocated < 0 ? -1 : allocated - start[0],
                        start[1] < 0 || cpu < 0 ? -1 : cpu - start[1]);
    }

    @Override
    public void runStarted(LoadRun run) {
        running.put(run, ResourceSampler.start(interval));
    }

    @Override
    public void runEnded(LoadRun run) {
        ResourceSampler sampler = running.remove(run);
        if (sampler != null) {
            run.attach(ATTACHMENT, sampler.stop());
        }
        WorkerTotals workers = workerTotals.remove(run);
        if (workers != null) {
            run.attach(WORKER_ATTACHMENT, workers.usage());
        }
    }

    /** Sums the workers' deltas; any unmeasurable delta makes the total unmeasurable. */
    private static final class WorkerTotals {
        private int workers;
        private long allocated;
        private long cpu;

        synchronized void add(long allocatedDelta, long cpuDelta) {
            workers++;
            allocated = allocated < 0 || allocatedDelta < 0 ? -1 : allocated + allocatedDelta;
            cpu = cpu < 0 || cpuDelta < 0 ? -1 : cpu + cpuDelta;
        }

        synchronized WorkerUsage usage() {
            return new WorkerUsage(workers, allocated, cpu);
        }
    }
}
