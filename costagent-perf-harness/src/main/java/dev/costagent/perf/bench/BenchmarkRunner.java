package dev.costagent.perf.bench;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.baseline.Calibration;
import dev.costagent.perf.baseline.EnvironmentFingerprint;
import dev.costagent.perf.report.PerfConfig;
import dev.costagent.perf.report.ProgressLine;
import dev.costagent.perf.resource.ThreadUsage;
import dev.costagent.perf.stats.Stats;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a microbenchmark: warm-up iterations until the figure is steady (discarded; they let the JIT compile the
 * code), then measurement iterations, each running the operation in a tight loop for a fixed time and yielding one
 * ns/op sample.
 *
 * <pre>{@code
 * BenchmarkResult r = BenchmarkRunner.named("sum")
 *         .warmupIterations(5).measurementIterations(15).iterationTime(Duration.ofMillis(100))
 *         .run(bh -> bh.consume(sum(values)));
 * System.out.println(r.summary());
 * }</pre>
 *
 * <p><b>Warm-up until steady.</b> After at least {@code warmupIterations}, warm-up stops as soon as the last
 * {@value #STEADY_WINDOW} iterations are steady: the JIT compiled nothing during them
 * ({@code CompilationMXBean.getTotalCompilationTime()} unchanged), the optimising compiler has nothing in progress
 * or queued ({@link JitActivity}; on a busy machine a queued compilation leaves the code on a slower tier for
 * seconds while the figure looks steady; where the JVM cannot tell, these parts are taken as met) and their median is within {@value #STEADY_TOLERANCE_PERCENT} % of the median of the {@value #STEADY_WINDOW}
 * before. It never runs longer than {@link #maxWarmup(Duration)} (default 40 iterations' time); a result that hit
 * the bound says so ({@link BenchmarkResult#steady()} false).
 *
 * <p>The clock is read once per batch, not per call; the batch size is calibrated so a batch lasts about a
 * hundredth of an iteration, which keeps the timer's own cost out of the figures for operations of a few
 * nanoseconds. CPU per operation is the measuring thread's own CPU time over the measurement iterations.
 * Durations are multiplied by {@code perf.scale} (resolved by {@link dev.costagent.perf.report.PerfConfig}) unless
 * {@link #scale(double)} sets the factor. The builder is immutable: every setter returns a new runner.
 */
public final class BenchmarkRunner {

    /** Iterations per window of the steady-state criterion. */
    public static final int STEADY_WINDOW = 5;
    /** Largest change in percent between two windows' medians that still counts as steady. */
    public static final int STEADY_TOLERANCE_PERCENT = 2;

    private final String name;
    private final int warmupIterations;
    private final int measurementIterations;
    private final Duration iterationTime;
    private final Duration maxWarmup;
    private final double scale;
    private final int forks;
    private final boolean calibrated;
    private final List<String> jvmArgs;

    private BenchmarkRunner(
            String name,
            int warmupIterations,
            int measurementIterations,
            Duration iterationTime,
            Duration maxWarmup,
            double scale,
            int forks,
            boolean calibrated,
            List<String> jvmArgs) {
        this.name = name;
        this.warmupIterations = warmupIterations;
        this.measurementIterations = measurementIterations;
        this.iterationTime = iterationTime;
        this.maxWarmup = maxWarmup;
        this.scale = scale;
        this.forks = forks;
        this.calibrated = calibrated;
        this.jvmArgs = List.copyOf(jvmArgs);
    }

    /**
     * A runner with defaults: at least 5 warm-up iterations (more until steady), 15 measurement iterations of
     * 100 ms, times {@code perf.scale}, in this JVM (no forks), without calibration samples.
     */
    public static BenchmarkRunner named(String name) {
        Objects.requireNonNull(name, "name");
        return new BenchmarkRunner(name, 5, 15, Duration.ofMillis(100), null, PerfConfig.scale(), 0, false, List.of());
    }

    /** The least warm-up iterations, discarded (0 or more); warm-up goes on until steady. */
    public BenchmarkRunner warmupIterations(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("warm-up iterations must be >= 0, was " + count);
        }
        return new BenchmarkRunner(
                name, count, measurementIterations, iterationTime, maxWarmup, scale, forks, calibrated, jvmArgs);
    }

    /** Measurement iterations, one sample each (at least 2, 10 or more for meaningful intervals). */
    public BenchmarkRunner measurementIterations(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("measurement iterations must be >= 2, was " + count);
        }
        return new BenchmarkRunner(
                name, warmupIterations, count, iterationTime, maxWarmup, scale, forks, calibrated, jvmArgs);
    }

    /** How long each iteration runs the operation (before scaling). */
    public BenchmarkRunner iterationTime(Duration time) {
        if (time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("iteration time must be positive, was " + time);
        }
        return new BenchmarkRunner(
                name, warmupIterations, measurementIterations, time, maxWarmup, scale, forks, calibrated, jvmArgs);
    }

    /**
     * The upper bound of the warm-up (before scaling); {@code Duration.ZERO} runs exactly {@code warmupIterations}.
     * Default: 40 iterations' time.
     */
    public BenchmarkRunner maxWarmup(Duration time) {
        if (time.isNegative()) {
            throw new IllegalArgumentException("maximum warm-up must not be negative, was " + time);
        }
        return new BenchmarkRunner(
                name, warmupIterations, measurementIterations, iterationTime, time, scale, forks, calibrated, jvmArgs);
    }

    /** The factor on every duration, replacing {@code perf.scale} (1 runs the durations as given). */
    public BenchmarkRunner scale(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale must be a positive number, was " + factor);
        }
        return new BenchmarkRunner(
                name,
                warmupIterations,
                measurementIterations,
                iterationTime,
                maxWarmup,
                factor,
                forks,
                calibrated,
                jvmArgs);
    }

    /**
     * Runs the benchmark in {@code count} fresh JVMs, one after the other, as JMH does (0: in this JVM). Each fork
     * has this JVM's class path and memory settings, warms up and measures on its own, and sends its result back as
     * JSON; the samples of all forks make the result (see {@link BenchmarkResult#merge}). Only
     * {@link #run(Class, String)} can fork: a lambda cannot be sent to another JVM.
     */
    public BenchmarkRunner forks(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("forks must be >= 0, was " + count);
        }
        return new BenchmarkRunner(
                name,
                warmupIterations,
                measurementIterations,
                iterationTime,
                maxWarmup,
                scale,
                count,
                calibrated,
                jvmArgs);
    }

    /** Extra JVM options of every fork (after the ones copied from this JVM), such as {@code -Xmx1g}. */
    public BenchmarkRunner jvmArgs(List<String> options) {
        return new BenchmarkRunner(
                name,
                warmupIterations,
                measurementIterations,
                iterationTime,
                maxWarmup,
                scale,
                forks,
                calibrated,
                options);
    }

    /**
     * Whether to measure the {@link Calibration} workload right after every measurement iteration (for a fifth of an
     * iteration's time, at least 5 ms), so each sample has the machine's speed at that moment beside it; a baseline
     * comparison divides by it to tell machine drift from a change of the code.
     */
    public BenchmarkRunner calibrated(boolean on) {
        return new BenchmarkRunner(
                name, warmupIterations, measurementIterations, iterationTime, maxWarmup, scale, forks, on, jvmArgs);
    }

    /** The number of forks (0: in this JVM). */
    public int forks() {
        return forks;
    }

    /** The benchmark's name. */
    public String name() {
        return name;
    }

    int warmupIterationsSetting() {
        return warmupIterations;
    }

    int measurementIterationsSetting() {
        return measurementIterations;
    }

    /** The upper bound of the warm-up, scaled (-1: the default of 40 iterations). */
    long maxWarmupNanosSetting() {
        return maxWarmup == null ? -1 : Math.round(maxWarmup.toNanos() * scale);
    }

    boolean calibratedSetting() {
        return calibrated;
    }

    List<String> jvmArgsSetting() {
        return jvmArgs;
    }

    /** The iteration time after scaling (at least 1 ms). */
    public Duration scaledIterationTime() {
        return Duration.ofNanos(Math.max(1_000_000, Math.round(iterationTime.toNanos() * scale)));
    }

    private long maxWarmupNanos() {
        return maxWarmup == null ? scaledIterationTime().toNanos() * 40 : Math.round(maxWarmup.toNanos() * scale);
    }

    /** The planned wall time of a run (least warm-up plus measurement). */
    public Duration plannedDuration() {
        return scaledIterationTime().multipliedBy(warmupIterations + measurementIterations);
    }

    /**
     * Runs the benchmark on the calling thread.
     *
     * @throws BenchmarkFailedException if the operation throws; benchmarks of failing code are meaningless
     */
    public BenchmarkResult run(BenchmarkOperation benchmarked) {
        Objects.requireNonNull(benchmarked, "operation");
        Blackhole blackhole = new Blackhole();
        BatchLoops.Loop operation = BatchLoops.of(benchmarked);
        long iterationNanos = scaledIterationTime().toNanos();
        double[] samples = new double[measurementIterations];
        AtomicInteger done = new AtomicInteger();
        try (ProgressLine progress =
                ProgressLine.start("benchmark " + name, plannedDuration(), () -> progress(done.get(), samples))) {
            long[] count = new long[1];
            long batch = 1;
            long invocations = 0;
            Warmup warmup = new Warmup(warmupIterations, maxWarmupNanos(), maxWarmup != null && maxWarmup.isZero());
            while (!warmup.done()) {
                // Sized afresh each warm-up iteration: a batch sized on the first, class-loading calls stays tiny,
                // and then every call pays a clock read (about 25 ns) on top of a few-nanosecond operation. The
                // largest size found is kept: a sizing the scheduler interrupted (a loaded machine) comes out small.
                batch = Math.max(batch, calibrate(operation, blackhole, iterationNanos, count));
                invocations += count[0];
                warmup.add(iteration(operation, blackhole, batch, iterationNanos, count));
                invocations += count[0];
            }
            if (warmup.iterations() == 0) {
                batch = calibrate(operation, blackhole, iterationNanos, count);
                invocations += count[0];
            }
            long operations = 0;
            long allocatedStart = ThreadUsage.allocatedBytes();
            long cpuStart = ThreadUsage.cpuNanos();
            double[] calibration = new double[calibrated ? measurementIterations : 0];
            double[] cpuSamples = new double[calibrated && ThreadUsage.cpuNanos() >= 0 ? measurementIterations : 0];
            long calibrationNanos = Math.max(5_000_000, iterationNanos / 5);
            long cpuCalibration = 0;
            long allocatedCalibration = 0;
            for (int i = 0; i < measurementIterations; i++) {
                long cpuIterationStart = cpuSamples.length > 0 ? ThreadUsage.cpuNanos() : 0;
                samples[i] = iteration(operation, blackhole, batch, iterationNanos, count);
                if (cpuSamples.length > 0) {
                    cpuSamples[i] = (ThreadUsage.cpuNanos() - cpuIterationStart) / (double) count[0];
                }
                operations += count[0];
                done.incrementAndGet();
                if (calibrated) {
                    // Measured under the same load as the sample just taken; its own CPU is not the operation's.
                    long cpuBefore = ThreadUsage.cpuNanos();
                    long allocatedBefore = ThreadUsage.allocatedBytes();
                    calibration[i] = Calibration.iteration(calibrationNanos, cpuSamples.length > 0);
                    cpuCalibration += ThreadUsage.cpuNanos() - cpuBefore;
                    allocatedCalibration += ThreadUsage.allocatedBytes() - allocatedBefore;
                }
            }
            long cpuEnd = ThreadUsage.cpuNanos() - cpuCalibration;
            long allocatedEnd = ThreadUsage.allocatedBytes() - allocatedCalibration;
            blackhole.publish();
            double cpuPerOp = cpuStart < 0 || cpuEnd < 0 ? Double.NaN : (cpuEnd - cpuStart) / (double) operations;
            double allocatedPerOp = allocatedStart < 0 || allocatedEnd < 0
                    ? Double.NaN
                    : (allocatedEnd - allocatedStart) / (double) operations;
            return new BenchmarkResult(
                    name,
                    samples,
                    operations,
                    invocations + operations,
                    EnvironmentFingerprint.current(),
                    warmup.iterations(),
                    warmup.steady(),
                    cpuPerOp,
                    allocatedPerOp,
                    calibration,
                    List.of(),
                    cpuSamples);
        }
    }

    /**
     * Runs {@code type.method} as the benchmark: a static method, or an instance method of an instance made by the
     * no-argument constructor, taking nothing or a {@link Blackhole}. With {@link #forks(int)} above 0 it runs in
     * that many fresh JVMs (each as the first benchmark of its JVM) and merges their results; a fork that fails makes
     * this throw with one line saying which fork and why.
     *
     * @throws BenchmarkFailedException if the operation throws or a fork fails
     */
    public BenchmarkResult run(Class<?> type, String method) {
        if (forks == 0) {
            return run(BenchmarkMethods.operation(type, method));
        }
        return Forks.run(this, ForkRequest.method(this, type.getName(), method));
    }

    /** What one fork runs: the same settings, in the fork's own JVM. */
    ForkRequest.Settings settings() {
        return new ForkRequest.Settings(
                name,
                warmupIterations,
                measurementIterations,
                scaledIterationTime().toNanos(),
                maxWarmupNanosSetting(),
                calibrated);
    }

    /** The runner a fork rebuilds from its request's settings (durations already scaled). */
    static BenchmarkRunner fromSettings(ForkRequest.Settings settings) {
        BenchmarkRunner runner = named(settings.name())
                .scale(1)
                .warmupIterations(settings.warmupIterations())
                .measurementIterations(settings.measurementIterations())
                .iterationTime(Duration.ofNanos(settings.iterationNanos()))
                .calibrated(settings.calibrated());
        return settings.maxWarmupNanos() < 0 ? runner : runner.maxWarmup(Duration.ofNanos(settings.maxWarmupNanos()));
    }

    /** The steady-state criterion of the warm-up (see the class comment). */
    static final class Warmup {
        private final int least;
        private final long maxNanos;
        private final boolean fixed;
        private final long startNanos = System.nanoTime();
        private final java.util.List<Double> scores = new java.util.ArrayList<>();
        private final java.util.List<Long> compileMillis = new java.util.ArrayList<>();
        private boolean steady;

        Warmup(int least, long maxNanos, boolean fixed) {
            this.least = least;
            this.maxNanos = maxNanos;
            this.fixed = fixed;
            compileMillis.add(compilationMillis());
        }

        void add(double score) {
            scores.add(score);
            compileMillis.add(compilationMillis());
        }

        boolean done() {
            int n = scores.size();
            if (n < least) {
                return false;
            }
            if (fixed) {
                steady = true;
                return true;
            }
            if (n >= 2 * STEADY_WINDOW) {
                long compiledDuring = compileMillis.get(n) - compileMillis.get(n - STEADY_WINDOW);
                double last = median(scores.subList(n - STEADY_WINDOW, n));
                double before = median(scores.subList(n - 2 * STEADY_WINDOW, n - STEADY_WINDOW));
                // The compilation time does not move while a compilation waits in a starved queue: ask the queue too.
                boolean quiet = compiledDuring <= 0 && JitActivity.optimizingCompilerIdle();
                if (quiet && Math.abs(last - before) <= before * STEADY_TOLERANCE_PERCENT / 100.0) {
                    steady = true;
                    return true;
                }
            }
            return System.nanoTime() - startNanos >= maxNanos;
        }

        int iterations() {
            return scores.size();
        }

        boolean steady() {
            return steady;
        }

        private static double median(java.util.List<Double> values) {
            double[] copy = values.stream().mapToDouble(Double::doubleValue).toArray();
            return Stats.median(copy);
        }

        /** Total JIT compilation time so far, or 0 when the JVM cannot tell (then only the figure counts). */
        private static long compilationMillis() {
            java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        }
    }

    private String progress(int done, double[] samples) {
        if (done == 0) {
            return "warming up";
        }
        double median = Stats.median(Arrays.copyOf(samples, done));
        return String.format(Locale.ROOT, "iteration %d/%d, median %.1f ns/op", done, measurementIterations, median);
    }

    /** Grows the batch until one batch takes about a hundredth of an iteration (at least 1 call). */
    private long calibrate(BatchLoops.Loop operation, Blackhole blackhole, long iterationNanos, long[] count) {
        long target = Math.max(1, iterationNanos / 100);
        long batch = 1;
        count[0] = 0;
        while (true) {
            long start = System.nanoTime();
            runBatch(operation, blackhole, batch);
            long elapsed = System.nanoTime() - start;
            count[0] += batch;
            if (elapsed >= target / 2 || batch >= (1L << 40)) {
                return Math.max(1, (long) (batch * (double) target / Math.max(1, elapsed)));
            }
            batch *= 2;
        }
    }

    /** Runs batches until the iteration time is used up; returns ns/op and puts the op count in {@code count[0]}. */
    private static double iteration(
            BatchLoops.Loop operation, Blackhole blackhole, long batch, long iterationNanos, long[] count) {
        long operations = 0;
        long start = System.nanoTime();
        long deadline = start + iterationNanos;
        long now;
        do {
            runBatch(operation, blackhole, batch);
            operations += batch;
            now = System.nanoTime();
        } while (now < deadline);
        count[0] = operations;
        return (now - start) / (double) operations;
    }

    private static void runBatch(BatchLoops.Loop loop, Blackhole blackhole, long batch) {
        try {
            loop.run(blackhole, batch);
        } catch (Exception e) {
            throw new BenchmarkFailedException("benchmarked operation threw " + e, e);
        }
    }
}
