package dev.costagent.perf.bench;

import dev.costagent.perf.baseline.EnvironmentFingerprint;
import dev.costagent.perf.report.ProgressLine;
import dev.costagent.perf.stats.Stats;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a microbenchmark: warm-up iterations (discarded, they let the JIT compile the code), then measurement
 * iterations, each running the operation in a tight loop for a fixed time and yielding one ns/op sample.
 *
 * <pre>{@code
 * BenchmarkResult r = BenchmarkRunner.named("sum")
 *         .warmupIterations(5).measurementIterations(15).iterationTime(Duration.ofMillis(100))
 *         .run(bh -> bh.consume(sum(values)));
 * System.out.println(r.summary());
 * }</pre>
 *
 * <p>The clock is read once per batch, not per call; the batch size is calibrated so a batch lasts about a
 * hundredth of an iteration, which keeps the timer's own cost out of the figures for operations of a few
 * nanoseconds. The builder is immutable: every setter returns a new runner.
 */
public final class BenchmarkRunner {

    private final String name;
    private final int warmupIterations;
    private final int measurementIterations;
    private final Duration iterationTime;

    private BenchmarkRunner(String name, int warmupIterations, int measurementIterations, Duration iterationTime) {
        this.name = name;
        this.warmupIterations = warmupIterations;
        this.measurementIterations = measurementIterations;
        this.iterationTime = iterationTime;
    }

    /** A runner with defaults: 5 warm-up and 15 measurement iterations of 100 ms. */
    public static BenchmarkRunner named(String name) {
        Objects.requireNonNull(name, "name");
        return new BenchmarkRunner(name, 5, 15, Duration.ofMillis(100));
    }

    /** Warm-up iterations, discarded (0 or more). */
    public BenchmarkRunner warmupIterations(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("warm-up iterations must be >= 0, was " + count);
        }
        return new BenchmarkRunner(name, count, measurementIterations, iterationTime);
    }

    /** Measurement iterations, one sample each (at least 2, 10 or more for meaningful intervals). */
    public BenchmarkRunner measurementIterations(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("measurement iterations must be >= 2, was " + count);
        }
        return new BenchmarkRunner(name, warmupIterations, count, iterationTime);
    }

    /** How long each iteration runs the operation. */
    public BenchmarkRunner iterationTime(Duration time) {
        if (time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("iteration time must be positive, was " + time);
        }
        return new BenchmarkRunner(name, warmupIterations, measurementIterations, time);
    }

    /** The planned wall time of a run (warm-up plus measurement). */
    public Duration plannedDuration() {
        return iterationTime.multipliedBy(warmupIterations + measurementIterations);
    }

    /**
     * Runs the benchmark on the calling thread.
     *
     * @throws BenchmarkFailedException if the operation throws; benchmarks of failing code are meaningless
     */
    public BenchmarkResult run(BenchmarkOperation operation) {
        Objects.requireNonNull(operation, "operation");
        Blackhole blackhole = new Blackhole();
        long iterationNanos = iterationTime.toNanos();
        double[] samples = new double[measurementIterations];
        AtomicInteger done = new AtomicInteger();
        try (ProgressLine progress = ProgressLine.start("benchmark " + name, plannedDuration(),
                () -> progress(done.get(), samples))) {
            long[] count = new long[1];
            long batch = calibrate(operation, blackhole, iterationNanos, count);
            long invocations = count[0];
            for (int i = 0; i < warmupIterations; i++) {
                iteration(operation, blackhole, batch, iterationNanos, count);
                invocations += count[0];
            }
            long operations = 0;
            for (int i = 0; i < measurementIterations; i++) {
                samples[i] = iteration(operation, blackhole, batch, iterationNanos, count);
                operations += count[0];
                done.incrementAndGet();
            }
            blackhole.publish();
            return new BenchmarkResult(name, samples, operations, invocations + operations,
                    EnvironmentFingerprint.current());
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
    private long calibrate(BenchmarkOperation operation, Blackhole blackhole, long iterationNanos, long[] count) {
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
    private static double iteration(BenchmarkOperation operation, Blackhole blackhole, long batch, long iterationNanos,
                                    long[] count) {
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

    private static void runBatch(BenchmarkOperation operation, Blackhole blackhole, long batch) {
        try {
            for (long i = 0; i < batch; i++) {
                operation.run(blackhole);
            }
        } catch (Exception e) {
            throw new BenchmarkFailedException("benchmarked operation threw " + e, e);
        }
    }
}
