package dev.costagent.perf.resource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Samples the JVM's resources on a background thread until stopped.
 *
 * <pre>{@code
 * ResourceSampler sampler = ResourceSampler.start(Duration.ofMillis(100));
 * long ops = runWorkload();
 * ResourceUsage usage = sampler.stop();
 * List<Check> checks = ResourceLimits.none().maxAllocatedPerOp(1024).check(usage, ops);
 * }</pre>
 *
 * <p>CPU % is computed from process CPU time between consecutive samples, so the first sample has none (NaN)
 * rather than the meaningless 0 or -1 that {@code getProcessCpuLoad()} returns on its first call. Memory stays
 * bounded: past {@value #MAX_SAMPLES} samples every other one is dropped and the interval doubles.
 */
public final class ResourceSampler {

    /** Most samples kept. */
    public static final int MAX_SAMPLES = 4_096;

    private final JvmGauges gauges = new JvmGauges();
    private final List<ResourceSample> samples = new ArrayList<>();
    private final long startNanos;
    private final long startAllocated;
    private final long startCpu;
    private final long startGcCount;
    private final long startGcMillis;
    private final Thread thread;
    private final int maxSamples;
    private long intervalNanos;
    private long peakHeap;
    private long peakAfterGc = -1;
    private int peakThreads;
    private long previousOffset;
    private long previousCpu;
    private boolean stopped;

    private ResourceSampler(Duration interval, int maxSamples) {
        this.intervalNanos = interval.toNanos();
        this.maxSamples = maxSamples;
        this.startAllocated = gauges.allocatedBytes();
        this.startCpu = gauges.processCpuNanos();
        this.startGcCount = gauges.gcCount();
        this.startGcMillis = gauges.gcTimeMillis();
        this.startNanos = System.nanoTime();
        sample();
        this.thread = new Thread(this::loop, "perf-resource-sampler");
        thread.setDaemon(true);
    }

    /** Starts sampling every {@code interval} (at least 1 ms). */
    public static ResourceSampler start(Duration interval) {
        return start(interval, MAX_SAMPLES);
    }

    /** Starts sampling, keeping at most {@code maxSamples} (tests use a small bound to see the thinning). */
    static ResourceSampler start(Duration interval, int maxSamples) {
        Objects.requireNonNull(interval, "interval");
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("sampling interval must be at least 1 ms, was " + interval);
        }
        ResourceSampler sampler = new ResourceSampler(interval, Math.max(4, maxSamples));
        sampler.thread.start();
        return sampler;
    }

    /** Starts sampling at the default interval: {@code perf.resourceIntervalMillis}, else 100 ms. */
    public static ResourceSampler start() {
        return start(
                Duration.ofMillis(dev.costagent.perf.report.PerfConfig.millis("perf.resourceIntervalMillis", 100)));
    }

    /**
     * Measures what the process uses while the caller does nothing for {@code duration}: the idle baseline
     * (background threads, JIT, GC) to compare a workload's CPU % against.
     */
    public static ResourceUsage measureIdle(Duration duration) throws InterruptedException {
        ResourceSampler sampler = start(Duration.ofMillis(Math.max(1, duration.toMillis() / 20)));
        Thread.sleep(duration.toMillis()); // idling is the measurement here
        return sampler.stop();
    }

    /** The current sampling interval (doubled each time the series is thinned). */
    synchronized Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    /** Whether this JVM offers per-thread allocation counters. */
    public boolean allocationMeasurable() {
        return gauges.allocationMeasurable();
    }

    /** Stops sampling, takes a final sample and returns the usage. Idempotent. */
    public ResourceUsage stop() {
        thread.interrupt();
        try {
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (!stopped) {
                stopped = true;
                sample();
            }
            ResourceSample last = samples.get(samples.size() - 1);
            return new ResourceUsage(
                    samples,
                    last.offsetNanos(),
                    last.allocatedBytes(),
                    last.cpuNanos(),
                    last.gcCount(),
                    last.gcTimeMillis(),
                    peakHeap,
                    peakAfterGc,
                    peakThreads,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** Takes a sample now, besides the scheduled ones (for tests that need a sample at a known moment). */
    synchronized void sampleNow() {
        if (!stopped) {
            sample();
        }
    }

    private void loop() {
        long next = System.nanoTime() + intervalNanos;
        while (!Thread.currentThread().isInterrupted()) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
            synchronized (this) {
                if (stopped) {
                    return;
                }
                sample();
                next += intervalNanos;
            }
        }
    }

    /** Takes one sample; callers hold the lock (or are the constructor). */
    private void sample() {
        long offset = System.nanoTime() - startNanos;
        long heap = gauges.heapUsed();
        long afterGc = gauges.heapAfterGc();
        long allocated = gauges.allocatedBytes();
        long cpu = gauges.processCpuNanos();
        int threads = gauges.threadCount();
        long cpuSinceStart = cpu < 0 || startCpu < 0 ? -1 : cpu - startCpu;
        double cpuPercent = Double.NaN;
        if (!samples.isEmpty() && cpuSinceStart >= 0 && offset > previousOffset) {
            cpuPercent = 100.0
                    * (cpuSinceStart - previousCpu)
                    / (offset - previousOffset)
                    / Runtime.getRuntime().availableProcessors();
        }
        samples.add(new ResourceSample(
                offset,
                heap,
                afterGc,
                allocated < 0 || startAllocated < 0 ? -1 : allocated - startAllocated,
                cpuSinceStart,
                cpuPercent,
                gauges.gcCount() - startGcCount,
                gauges.gcTimeMillis() - startGcMillis,
                threads));
        peakHeap = Math.max(peakHeap, heap);
        if (afterGc >= 0 && gauges.gcCount() > startGcCount) {
            peakAfterGc = Math.max(peakAfterGc, afterGc);
        }
        peakThreads = Math.max(peakThreads, threads);
        previousOffset = offset;
        previousCpu = cpuSinceStart;
        if (samples.size() >= maxSamples) {
            thin();
        }
    }

    /** Keeps every other sample (always the first) and doubles the interval. */
    private void thin() {
        List<ResourceSample> kept = new ArrayList<>(maxSamples / 2 + 1);
        for (int i = 0; i < samples.size(); i += 2) {
            kept.add(samples.get(i));
        }
        samples.clear();
        samples.addAll(kept);
        intervalNanos *= 2;
    }
}
