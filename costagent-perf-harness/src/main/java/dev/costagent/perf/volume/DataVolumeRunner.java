package dev.costagent.perf.volume;

import dev.costagent.perf.bench.BenchmarkFailedException;
import dev.costagent.perf.bench.Blackhole;
import dev.costagent.perf.report.ProgressLine;
import dev.costagent.perf.stats.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures a workload at several data sizes. For each size: build the input (untimed), warm up, then time whole
 * runs over the input until both a minimum time and a minimum number of runs are reached; the median run time
 * divided by the size is the time per record.
 *
 * <pre>{@code
 * VolumeResult r = DataVolumeRunner.named("group by account")
 *         .sizes(100, 1_000, 10_000, 100_000)
 *         .run(size -> generateRows(size), (rows, bh) -> bh.consume(groupByAccount(rows)));
 * r.checkMaxExponent(1.2);
 * }</pre>
 *
 * <p>The builder is immutable.
 */
public final class DataVolumeRunner {

    private final String name;
    private final int[] sizes;
    private final Duration warmup;
    private final Duration minTime;
    private final int minRepetitions;

    private DataVolumeRunner(String name, int[] sizes, Duration warmup, Duration minTime, int minRepetitions) {
        this.name = name;
        this.sizes = sizes;
        this.warmup = warmup;
        this.minTime = minTime;
        this.minRepetitions = minRepetitions;
    }

    /** Defaults: sizes 100, 1,000, 10,000; 100 ms warm-up and at least 200 ms and 5 runs per size. */
    public static DataVolumeRunner named(String name) {
        Objects.requireNonNull(name, "name");
        return new DataVolumeRunner(name, new int[] {100, 1_000, 10_000}, Duration.ofMillis(100),
                Duration.ofMillis(200), 5);
    }

    /** The data sizes (at least two distinct, positive). */
    public DataVolumeRunner sizes(int... values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length < 2 || sorted[0] < 1 || Arrays.stream(sorted).distinct().count() != sorted.length) {
            throw new IllegalArgumentException("sizes must be at least 2 distinct positive counts, was "
                    + Arrays.toString(values));
        }
        return new DataVolumeRunner(name, sorted, warmup, minTime, minRepetitions);
    }

    /** Warm-up time per size (zero allowed; the first run is always untimed warm-up). */
    public DataVolumeRunner warmup(Duration time) {
        if (time.isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative, was " + time);
        }
        return new DataVolumeRunner(name, sizes, time, minTime, minRepetitions);
    }

    /** Minimum measured time per size. */
    public DataVolumeRunner minTime(Duration time) {
        if (time.isNegative()) {
            throw new IllegalArgumentException("minimum time must not be negative, was " + time);
        }
        return new DataVolumeRunner(name, sizes, warmup, time, minRepetitions);
    }

    /** Minimum timed runs per size (at least 1). */
    public DataVolumeRunner minRepetitions(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("minimum repetitions must be >= 1, was " + count);
        }
        return new DataVolumeRunner(name, sizes, warmup, minTime, count);
    }

    /** Builds each size's input with {@code setup} and times {@code operation} on it. */
    public <T> VolumeResult run(VolumeSetup<T> setup, VolumeOperation<T> operation) {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(operation, "operation");
        List<VolumePoint> points = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        Duration planned = warmup.plus(minTime).multipliedBy(sizes.length);
        try (ProgressLine progress = ProgressLine.start("data volume " + name, planned,
                () -> done.get() < sizes.length ? "size " + sizes[done.get()] + " (" + done.get() + " of "
                        + sizes.length + " done)" : "fitting")) {
            Blackhole blackhole = new Blackhole();
            for (int size : sizes) {
                points.add(measure(size, setup, operation, blackhole));
                done.incrementAndGet();
            }
            blackhole.publish();
        }
        return VolumeResult.of(name, points);
    }

    private <T> VolumePoint measure(int size, VolumeSetup<T> setup, VolumeOperation<T> operation,
                                    Blackhole blackhole) {
        long setupStart = System.nanoTime();
        T input;
        try {
            input = setup.create(size);
        } catch (Exception e) {
            throw new BenchmarkFailedException("setup for size " + size + " threw " + e, e);
        }
        long setupNanos = System.nanoTime() - setupStart;
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        do {
            timedRun(input, operation, blackhole, size);
        } while (System.nanoTime() < warmupEnd);
        double[] times = new double[16];
        int count = 0;
        long measuredEnd = System.nanoTime() + minTime.toNanos();
        while (count < minRepetitions || System.nanoTime() < measuredEnd) {
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
            }
            times[count++] = timedRun(input, operation, blackhole, size);
        }
        double median = Stats.median(Arrays.copyOf(times, count));
        return new VolumePoint(size, count, median, median / size, setupNanos);
    }

    private static <T> long timedRun(T input, VolumeOperation<T> operation, Blackhole blackhole, int size) {
        long start = System.nanoTime();
        try {
            operation.run(input, blackhole);
        } catch (Exception e) {
            throw new BenchmarkFailedException("operation at size " + size + " threw " + e, e);
        }
        return System.nanoTime() - start;
    }
}
