package dev.costagent.perf.volume;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.bench.BenchmarkFailedException;
import dev.costagent.perf.bench.JitActivity;
import dev.costagent.perf.report.ProgressLine;
import dev.costagent.perf.stats.Stats;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures a workload at several data sizes, in two rounds (largest first, then smallest first). For each size in
 * each round: build the input (untimed), warm up until steady, then time whole runs over the input until both a
 * minimum time and a minimum number of runs are reached. A size's figure is the faster of its two rounds' median
 * run times (slow plateaus and load bursts only ever add time); divided by the size it is the time per record. Only
 * one size's input is alive at a time.
 *
 * <pre>{@code
 * VolumeResult r = DataVolumeRunner.named("group by account")
 *         .sizes(100, 1_000, 10_000, 100_000)
 *         .run(size -> generateRows(size), (rows, bh) -> bh.consume(groupByAccount(rows)));
 * r.checkMaxExponent(1.2);
 * }</pre>
 *
 * <p>The settings are immutable (every setter returns a new runner); a runner runs one measurement at a time.
 */
public final class DataVolumeRunner {

    private final String name;
    private final int[] sizes;
    private final Duration warmup;
    private final Duration minTime;
    private final int minRepetitions;
    private final Clock clock;
    private final double scale;
    /** Records processed by the current {@link #run}; a runner is used by one thread at a time. */
    private long recordsProcessed;

    /** What a run's time is measured with. */
    public enum Clock {
        /** Elapsed wall time: what a caller waits, including I/O and waiting for a core (default). */
        WALL,
        /**
         * CPU time of the measuring thread: for CPU-bound work on a shared machine, where other processes
         * stretch wall time unevenly; misses any work done on other threads.
         */
        THREAD_CPU
    }

    private DataVolumeRunner(
            String name,
            int[] sizes,
            Duration warmup,
            Duration minTime,
            int minRepetitions,
            Clock clock,
            double scale) {
        this.name = name;
        this.sizes = sizes;
        this.warmup = warmup;
        this.minTime = minTime;
        this.minRepetitions = minRepetitions;
        this.clock = clock;
        this.scale = scale;
    }

    /** Defaults: sizes 100, 1,000, 10,000; 100 ms warm-up and at least 200 ms and 5 runs per size. */
    public static DataVolumeRunner named(String name) {
        Objects.requireNonNull(name, "name");
        return new DataVolumeRunner(
                name,
                new int[] {100, 1_000, 10_000},
                Duration.ofMillis(100),
                Duration.ofMillis(200),
                5,
                Clock.WALL,
                dev.costagent.perf.report.PerfConfig.scale());
    }

    /** The data sizes (at least two distinct, positive). */
    public DataVolumeRunner sizes(int... values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length < 2
                || sorted[0] < 1
                || Arrays.stream(sorted).distinct().count() != sorted.length) {
            throw new IllegalArgumentException(
                    "sizes must be at least 2 distinct positive counts, was " + Arrays.toString(values));
        }
        return new DataVolumeRunner(name, sorted, warmup, minTime, minRepetitions, clock, scale);
    }

    /**
     * Minimum warm-up time per size. Warm-up also goes on while runs keep getting faster (up to ten times this),
     * and is at least 3 untimed runs.
     */
    public DataVolumeRunner warmup(Duration time) {
        if (time.isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative, was " + time);
        }
        return new DataVolumeRunner(name, sizes, time, minTime, minRepetitions, clock, scale);
    }

    /** Minimum measured time per size. */
    public DataVolumeRunner minTime(Duration time) {
        if (time.isNegative()) {
            throw new IllegalArgumentException("minimum time must not be negative, was " + time);
        }
        return new DataVolumeRunner(name, sizes, warmup, time, minRepetitions, clock, scale);
    }

    /** Minimum timed runs per size (at least 1). */
    public DataVolumeRunner minRepetitions(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("minimum repetitions must be >= 1, was " + count);
        }
        return new DataVolumeRunner(name, sizes, warmup, minTime, count, clock, scale);
    }

    /** The factor on the warm-up and minimum times, replacing {@code perf.scale} (1 runs them as given). */
    public DataVolumeRunner scale(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale must be a positive number, was " + factor);
        }
        return new DataVolumeRunner(name, sizes, warmup, minTime, minRepetitions, clock, factor);
    }

    /** The clock runs are timed with (default {@link Clock#WALL}). */
    public DataVolumeRunner clock(Clock value) {
        Objects.requireNonNull(value, "clock");
        if (value == Clock.THREAD_CPU && !ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported()) {
            throw new IllegalArgumentException("thread CPU time is not supported by this JVM");
        }
        return new DataVolumeRunner(name, sizes, warmup, minTime, minRepetitions, value, scale);
    }

    /** Builds each size's input with {@code setup} and times {@code operation} on it. */
    public <T> VolumeResult run(VolumeSetup<T> setup, VolumeOperation<T> operation) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(operation, "operation");
        List<VolumePoint> points = new ArrayList<>();
        recordsProcessed = 0;
        AtomicInteger done = new AtomicInteger();
        Duration planned = Duration.ofNanos(Math.max(scaled(warmup), warmup.toNanos()) + scaled(minTime))
                .multipliedBy(2L * sizes.length);
        try (ProgressLine progress = ProgressLine.start(
                "data volume " + name,
                planned,
                () -> done.get() < 2 * sizes.length
                        ? "round " + (done.get() / sizes.length + 1) + " of 2, " + done.get() % sizes.length + " of "
                                + sizes.length + " sizes done"
                        : "fitting")) {
            Blackhole blackhole = new Blackhole();
            // Round 1 largest first: the JIT finishes compiling during the long runs, so the small sizes, whose short
            // runs are the most sensitive to interpreted or half-compiled code, are measured on compiled code. Round 2
            // smallest first. Each size keeps the faster of its two medians: a slow plateau (code still waiting for a
            // queued compilation after the input changed, a burst of load) only ever adds time, and the two rounds
            // rarely meet one at the same size.
            VolumePoint[] first = new VolumePoint[sizes.length];
            for (int i = sizes.length - 1; i >= 0; i--) {
                first[i] = measure(sizes[i], setup, operation, blackhole);
                done.incrementAndGet();
            }
            for (int i = 0; i < sizes.length; i++) {
                VolumePoint second = measure(sizes[i], setup, operation, blackhole);
                VolumePoint faster = second.medianNanos() < first[i].medianNanos() ? second : first[i];
                points.add(new VolumePoint(
                        sizes[i],
                        first[i].repetitions() + second.repetitions(),
                        faster.medianNanos(),
                        faster.nanosPerRecord(),
                        Math.min(first[i].setupNanos(), second.setupNanos())));
                done.incrementAndGet();
            }
            blackhole.publish();
        }
        return VolumeResult.of(name, points, recordsProcessed);
    }

    private <T> VolumePoint measure(int size, VolumeSetup<T> setup, VolumeOperation<T> operation, Blackhole blackhole) {
        long setupStart = System.nanoTime();
        T input;
        try {
            input = setup.create(size);
        } catch (Exception e) {
            throw new BenchmarkFailedException("setup for size " + size + " threw " + e, e);
        }
        long setupNanos = System.nanoTime() - setupStart;
        warmUp(input, operation, blackhole, size);
        double[] times = new double[16];
        int count = 0;
        long measuredEnd = System.nanoTime() + scaled(minTime);
        while (count < minRepetitions || System.nanoTime() < measuredEnd) {
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
            }
            times[count++] = timedRun(input, operation, blackhole, size);
        }
        double median = Stats.median(Arrays.copyOf(times, count));
        return new VolumePoint(size, count, median, median / size, setupNanos);
    }

    /**
     * Runs this size untimed until it is steady: at least the warm-up time (not shortened by a {@code perf.scale}
     * below 1), then slices of a fifth of it (at least
     * {@value #SLICE_RUNS} runs each) until the JIT compiled nothing during the last slice, the optimising compiler has
     * nothing in progress or queued ({@link JitActivity}), and its median run time is
     * within {@value #STEADY_TOLERANCE_PERCENT} % of the slice before; at most ten times the warm-up time, and never
     * less than {@link #MIN_WARMUP_BOUND} (one second) whatever {@code perf.scale} is. Every size
     * is warmed up on its own input: a size measured right after another runs on code the JIT may still be
     * re-compiling for the new input's shape.
     */
    private <T> void warmUp(T input, VolumeOperation<T> operation, Blackhole blackhole, int size) {
        long start = System.nanoTime();
        // Neither the least warm-up nor its bound shrinks with a perf.scale below 1: the scale shortens what is
        // measured, but the JIT takes as long to compile at any scale. A warm-up of 10 ms (scale 0.1) ended on a
        // plateau of not yet fully compiled code, with its compilation still queued, and read an O(n^2) sort as
        // exponent 1.08 and a linear sum as 1.35.
        long least = Math.max(scaled(warmup), warmup.toNanos());
        long minEnd = start + least;
        long maxEnd = start + Math.max(10 * least, MIN_WARMUP_BOUND.toNanos());
        long sliceNanos = Math.max(1, least / 5);
        double previous = Double.NaN;
        while (true) {
            long compiledBefore = compilationMillis();
            long sliceEnd = System.nanoTime() + sliceNanos;
            long[] times = new long[SLICE_RUNS];
            int n = 0;
            while (n < SLICE_RUNS || System.nanoTime() < sliceEnd) {
                if (n == times.length) {
                    times = Arrays.copyOf(times, n * 2);
                }
                times[n++] = timedRun(input, operation, blackhole, size);
            }
            double[] slice = new double[n];
            for (int i = 0; i < n; i++) {
                slice[i] = times[i];
            }
            double median = Stats.median(slice);
            boolean quiet = compilationMillis() == compiledBefore && JitActivity.optimizingCompilerIdle();
            long now = System.nanoTime();
            boolean close = !Double.isNaN(previous)
                    && Math.abs(median - previous) <= previous * STEADY_TOLERANCE_PERCENT / 100.0;
            if (now >= maxEnd || now >= minEnd && quiet && close) {
                return;
            }
            previous = median;
        }
    }

    /** The least upper bound of a size's warm-up, whatever the scale. */
    static final Duration MIN_WARMUP_BOUND = Duration.ofSeconds(1);

    /** Least runs per warm-up slice. */
    static final int SLICE_RUNS = 5;
    /** Largest change in percent between two slices' medians that still counts as steady. */
    static final int STEADY_TOLERANCE_PERCENT = 5;

    private long scaled(Duration duration) {
        return Math.max(1_000_000, Math.round(duration.toNanos() * scale));
    }

    private static long compilationMillis() {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private <T> long timedRun(T input, VolumeOperation<T> operation, Blackhole blackhole, int size) {
        long start = now();
        recordsProcessed += size;
        try {
            operation.run(input, blackhole);
        } catch (Exception e) {
            throw new BenchmarkFailedException("operation at size " + size + " threw " + e, e);
        }
        return now() - start;
    }

    private long now() {
        return clock == Clock.WALL
                ? System.nanoTime()
                : ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
