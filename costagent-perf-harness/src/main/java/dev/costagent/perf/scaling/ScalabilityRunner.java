package dev.costagent.perf.scaling;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.bench.BenchmarkFailedException;
import dev.costagent.perf.bench.BenchmarkOperation;
import dev.costagent.perf.report.ProgressLine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a workload at each worker count in turn: the workers loop on the operation for a warm-up period, then for
 * a measured window; throughput is the operations completed in the window divided by its actual length.
 *
 * <pre>{@code
 * ScalingResult r = ScalabilityRunner.named("hash")
 *         .workers(1, 2, 4, 8).warmup(Duration.ofMillis(200)).window(Duration.ofSeconds(1))
 *         .run(bh -> bh.consume(hash(data)));
 * r.checkMinEfficiency(0.85);
 * }</pre>
 *
 * <p>Workers are platform threads, one per count, started fresh for each count. The builder is immutable.
 */
public final class ScalabilityRunner {

    private static final int MEASURING = 1;
    private static final int STOPPED = 2;

    private final String name;
    private final int[] workers;
    private final Duration warmup;
    private final Duration window;
    private final double scale;

    private ScalabilityRunner(String name, int[] workers, Duration warmup, Duration window, double scale) {
        this.scale = scale;
        this.name = name;
        this.workers = workers;
        this.warmup = warmup;
        this.window = window;
    }

    /** A runner with defaults: workers 1..8, 200 ms warm-up and a 1 s window per count. */
    public static ScalabilityRunner named(String name) {
        Objects.requireNonNull(name, "name");
        return new ScalabilityRunner(
                name,
                new int[] {1, 2, 3, 4, 5, 6, 7, 8},
                Duration.ofMillis(200),
                Duration.ofSeconds(1),
                dev.costagent.perf.report.PerfConfig.scale());
    }

    /** The worker counts, ascending, including 1. */
    public ScalabilityRunner workers(int... counts) {
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0 || sorted[0] != 1) {
            throw new IllegalArgumentException(
                    "worker counts must include 1 (speedup is relative to one worker), was " + Arrays.toString(counts));
        }
        if (Arrays.stream(sorted).distinct().count() != sorted.length) {
            throw new IllegalArgumentException("worker counts must be distinct, was " + Arrays.toString(counts));
        }
        return new ScalabilityRunner(name, sorted, warmup, window, scale);
    }

    /** Warm-up per worker count (zero allowed). */
    public ScalabilityRunner warmup(Duration time) {
        if (time.isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative, was " + time);
        }
        return new ScalabilityRunner(name, workers, time, window, scale);
    }

    /** Measured window per worker count. */
    public ScalabilityRunner window(Duration time) {
        if (time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("measured window must be positive, was " + time);
        }
        return new ScalabilityRunner(name, workers, warmup, time, scale);
    }

    /** The factor on the warm-up and window, replacing {@code perf.scale} (1 runs them as given). */
    public ScalabilityRunner scale(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale must be a positive number, was " + factor);
        }
        return new ScalabilityRunner(name, workers, warmup, window, factor);
    }

    private Duration scaled(Duration duration) {
        return Duration.ofNanos(Math.max(1_000_000, Math.round(duration.toNanos() * scale)));
    }

    /** Planned wall time of the whole run. */
    public Duration plannedDuration() {
        return scaled(warmup).plus(scaled(window)).multipliedBy(workers.length);
    }

    /** Runs every worker count and fits the models. */
    public ScalingResult run(BenchmarkOperation operation) {
        Objects.requireNonNull(operation, "operation");
        long[] operations = new long[workers.length];
        double[] throughput = new double[workers.length];
        double[] busyCores = new double[workers.length];
        long[] invocations = new long[1];
        AtomicInteger step = new AtomicInteger();
        try (ProgressLine progress =
                ProgressLine.start("scalability " + name, plannedDuration(), () -> progress(step.get(), throughput))) {
            for (int i = 0; i < workers.length; i++) {
                long[] cpuAndWindow = new long[2];
                operations[i] = measure(operation, workers[i], cpuAndWindow, invocations);
                // The actual window, not the planned one: on a loaded machine the coordinator wakes up late.
                double windowNanos = cpuAndWindow[1];
                throughput[i] = operations[i] / (windowNanos / 1e9);
                busyCores[i] = cpuAndWindow[0] < 0 ? Double.NaN : cpuAndWindow[0] / windowNanos;
                step.incrementAndGet();
            }
        }
        return ScalingResult.of(
                name,
                workers,
                operations,
                throughput,
                busyCores,
                Runtime.getRuntime().availableProcessors(),
                invocations[0]);
    }

    private String progress(int done, double[] throughput) {
        if (done == 0) {
            return workers[0] + " workers";
        }
        return String.format(
                Locale.ROOT,
                "%d of %d counts, %d workers: %.0f ops/s",
                done,
                workers.length,
                workers[done - 1],
                throughput[done - 1]);
    }

    /**
     * Measures one worker count; puts the workers' CPU time in the window into {@code cpuAndWindow[0]} (-1:
     * unknown) and the window's actual length into {@code cpuAndWindow[1]}, and adds every call made to
     * {@code invocations[0]}.
     */
    private long measure(BenchmarkOperation operation, int count, long[] cpuAndWindow, long[] invocations) {
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        boolean cpuMeasurable = clock.isCurrentThreadCpuTimeSupported() && clock.isThreadCpuTimeEnabled();
        AtomicInteger phase = new AtomicInteger();
        long[] completed = new long[count];
        long[] cpu = new long[count];
        long[] calls = new long[count];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch measuring = new CountDownLatch(count);
        CountDownLatch finished = new CountDownLatch(count);
        Thread[] threads = new Thread[count];
        for (int w = 0; w < count; w++) {
            int slot = w;
            threads[w] = new Thread(
                    () -> {
                        Blackhole blackhole = new Blackhole();
                        long measured = 0;
                        long called = 0;
                        long cpuAtStart = -1;
                        ready.countDown();
                        try {
                            int current;
                            while ((current = phase.get()) != STOPPED) {
                                operation.run(blackhole);
                                called++;
                                if (current == MEASURING && phase.get() == MEASURING) {
                                    measured++; // only operations both started and finished inside the window count
                                    if (measured == 1) {
                                        measuring.countDown();
                                    }
                                    if (cpuAtStart < 0 && cpuMeasurable) {
                                        cpuAtStart = clock.getCurrentThreadCpuTime();
                                    }
                                }
                            }
                        } catch (Throwable t) {
                            failure.compareAndSet(null, t);
                            phase.set(STOPPED);
                        } finally {
                            if (measured == 0) {
                                measuring.countDown();
                            }
                            blackhole.publish();
                            completed[slot] = measured;
                            calls[slot] = called;
                            cpu[slot] = cpuAtStart < 0 ? 0 : clock.getCurrentThreadCpuTime() - cpuAtStart;
                            finished.countDown();
                        }
                    },
                    "perf-scaling-" + count + "-" + w);
            threads[w].setDaemon(true);
            threads[w].start();
        }
        try {
            ready.await();
            sleepUnlessFailed(scaled(warmup), failure);
            long windowStart = System.nanoTime();
            phase.compareAndSet(0, MEASURING);
            sleepUnlessFailed(scaled(window), failure);
            // On a loaded machine a worker may not run at all in a short window: the window stretches until every
            // worker has completed an operation in it (at most a second beyond the planned window).
            measuring.await(1, TimeUnit.SECONDS);
            phase.set(STOPPED);
            cpuAndWindow[1] = System.nanoTime() - windowStart;
            finished.await();
        } catch (InterruptedException e) {
            phase.set(STOPPED);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scalability run interrupted", e);
        }
        if (failure.get() != null) {
            throw new BenchmarkFailedException(
                    "operation threw with " + count + " workers: " + failure.get(), failure.get());
        }
        long total = 0;
        long cpuTotal = 0;
        for (int w = 0; w < count; w++) {
            total += completed[w];
            invocations[0] += calls[w];
            cpuTotal += cpu[w];
        }
        cpuAndWindow[0] = cpuMeasurable ? cpuTotal : -1;
        return total;
    }

    /** Waits for the phase to elapse; the workers do the work meanwhile. */
    private static void sleepUnlessFailed(Duration time, AtomicReference<Throwable> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + time.toNanos();
        long left;
        while (failure.get() == null && (left = deadline - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(50, left / 1_000_000)));
        }
    }
}
