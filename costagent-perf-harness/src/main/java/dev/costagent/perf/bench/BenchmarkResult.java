package dev.costagent.perf.bench;

import dev.costagent.perf.baseline.Baseline;
import dev.costagent.perf.baseline.EnvironmentFingerprint;
import dev.costagent.perf.stats.Bootstrap;
import dev.costagent.perf.stats.ConfidenceInterval;
import dev.costagent.perf.stats.Stats;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The measurement of one benchmark: one nanoseconds-per-operation sample per measurement iteration.
 *
 * @param name        benchmark name
 * @param samples     ns/op, one per measurement iteration, in run order
 * @param operations  operations executed during measurement (all iterations)
 * @param invocations every call of the operation, calibration and warm-up included (for per-operation resource
 *                    figures over the whole test)
 * @param environment where it ran
 * @param warmupIterations warm-up iterations run before measuring (-1 when not recorded)
 * @param steady      whether the warm-up reached the steady-state criterion (false: it stopped at its upper bound)
 * @param cpuNanosPerOp CPU time of the measuring thread during the measurement iterations, per operation (NaN when
 *                    the JVM cannot measure thread CPU time); JIT, GC and other threads are not in it
 * @param allocatedBytesPerOp bytes the measuring thread allocated during the measurement iterations, per operation
 *                    (NaN when unmeasurable); other threads' allocations are not in it
 * @param calibration ns per pass of the {@link dev.costagent.perf.baseline.Calibration} workload measured right after
 *                    each measurement iteration, one per sample (empty when not measured): the machine's speed
 *                    at the time of each sample, for baseline comparisons
 * @param processIds  the process id of every JVM that measured: this one for an in-process run, one per fork
 * @param cpuSamples  the measuring thread's CPU ns/op, one per measurement iteration (empty when not measured):
 *                    what a baseline comparison uses, since it leaves out the time the thread waited for a core
 */
public record BenchmarkResult(
        String name,
        double[] samples,
        long operations,
        long invocations,
        EnvironmentFingerprint environment,
        int warmupIterations,
        boolean steady,
        double cpuNanosPerOp,
        double allocatedBytesPerOp,
        double[] calibration,
        List<Long> processIds,
        double[] cpuSamples) {

    /** The unit of {@link #samples()}. */
    public static final String UNIT = "ns/op";

    /** Validates and copies. */
    public BenchmarkResult {
        Objects.requireNonNull(name, "name");
        if (samples.length == 0) {
            throw new IllegalArgumentException("benchmark '" + name + "' has no samples");
        }
        samples = samples.clone();
        calibration = calibration == null ? new double[0] : calibration.clone();
        if (calibration.length != 0 && calibration.length != samples.length) {
            throw new IllegalArgumentException("benchmark '" + name + "' has " + samples.length + " samples but "
                    + calibration.length + " calibration samples");
        }
        cpuSamples = cpuSamples == null ? new double[0] : cpuSamples.clone();
        processIds = processIds == null || processIds.isEmpty()
                ? List.of(ProcessHandle.current().pid())
                : List.copyOf(processIds);
    }

    /** A result measured in this JVM, without calibration samples. */
    public BenchmarkResult(
            String name,
            double[] samples,
            long operations,
            long invocations,
            EnvironmentFingerprint environment,
            int warmupIterations,
            boolean steady,
            double cpuNanosPerOp,
            double allocatedBytesPerOp) {
        this(
                name,
                samples,
                operations,
                invocations,
                environment,
                warmupIterations,
                steady,
                cpuNanosPerOp,
                allocatedBytesPerOp,
                new double[0],
                List.of(),
                new double[0]);
    }

    /** A result without warm-up or CPU figures. */
    public BenchmarkResult(
            String name, double[] samples, long operations, long invocations, EnvironmentFingerprint environment) {
        this(name, samples, operations, invocations, environment, -1, true, Double.NaN, Double.NaN);
    }

    /**
     * The results of several forks of one benchmark as one: samples (and calibration samples) in fork order,
     * operations and invocations summed, warm-up iterations the largest of any fork, steady only if every fork was,
     * CPU and allocation per operation weighted by each fork's operations, every fork's process id.
     */
    public static BenchmarkResult merge(String name, List<BenchmarkResult> forks) {
        if (forks.isEmpty()) {
            throw new IllegalArgumentException("no fork results to merge for '" + name + "'");
        }
        if (forks.size() == 1) {
            BenchmarkResult only = forks.get(0);
            return new BenchmarkResult(
                    name,
                    only.samples,
                    only.operations,
                    only.invocations,
                    only.environment,
                    only.warmupIterations,
                    only.steady,
                    only.cpuNanosPerOp,
                    only.allocatedBytesPerOp,
                    only.calibration,
                    only.processIds,
                    only.cpuSamples);
        }
        double[] samples = new double[0];
        double[] calibration = new double[0];
        double[] cpuSamples = new double[0];
        boolean calibrated = true;
        boolean cpuMeasured = true;
        long operations = 0;
        long invocations = 0;
        int warmup = 0;
        boolean steady = true;
        double cpu = 0;
        double allocated = 0;
        List<Long> pids = new java.util.ArrayList<>();
        for (BenchmarkResult fork : forks) {
            samples = concat(samples, fork.samples);
            calibrated &= fork.calibration.length > 0;
            calibration = concat(calibration, fork.calibration);
            cpuMeasured &= fork.cpuSamples.length > 0;
            cpuSamples = concat(cpuSamples, fork.cpuSamples);
            operations += fork.operations;
            invocations += fork.invocations;
            warmup = Math.max(warmup, fork.warmupIterations);
            steady &= fork.steady;
            cpu += fork.cpuNanosPerOp * fork.operations;
            allocated += fork.allocatedBytesPerOp * fork.operations;
            pids.addAll(fork.processIds);
        }
        return new BenchmarkResult(
                name,
                samples,
                operations,
                invocations,
                forks.get(0).environment,
                warmup,
                steady,
                cpu / operations,
                allocated / operations,
                calibrated ? calibration : new double[0],
                pids,
                cpuMeasured ? cpuSamples : new double[0]);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A copy of the per-iteration CPU ns/op samples (empty when not measured). */
    @Override
    public double[] cpuSamples() {
        return cpuSamples.clone();
    }

    /** The unit of baselines recorded from {@link #cpuSamples()}. */
    public static final String CPU_UNIT = "cpu ns/op";

    /** A copy of the calibration samples (empty when none were measured). */
    @Override
    public double[] calibration() {
        return calibration.clone();
    }

    /** Whether the figure was measured in another JVM than this one (a forked run). */
    public boolean forked() {
        return !processIds.equals(List.of(ProcessHandle.current().pid()));
    }

    /** A copy of the samples (ns/op). */
    @Override
    public double[] samples() {
        return samples.clone();
    }

    /** Mean ns/op over iterations. */
    public double mean() {
        return Stats.mean(samples);
    }

    /** Median ns/op over iterations: the robust figure used for comparisons. */
    public double median() {
        return Stats.median(samples);
    }

    /** Sample standard deviation of ns/op. */
    public double standardDeviation() {
        return Stats.standardDeviation(samples);
    }

    /** 95% Student-t interval of the mean. */
    public ConfidenceInterval meanInterval() {
        return Stats.meanInterval(samples, 0.95);
    }

    /** 95% bootstrap interval of the median (seeded: the same samples give the same interval). */
    public ConfidenceInterval medianInterval() {
        return Bootstrap.seeded(42).median(samples, 0.95);
    }

    /** Operations per second implied by the median. */
    public double throughput() {
        return 1e9 / median();
    }

    /**
     * The samples to compare with {@code baseline}: the CPU samples against a baseline of {@link #CPU_UNIT}, the
     * wall-time samples otherwise (empty when the baseline is CPU and this run has no CPU samples).
     */
    public double[] samplesFor(Baseline baseline) {
        return CPU_UNIT.equals(baseline.unit()) ? cpuSamples() : samples();
    }

    /**
     * This run as a baseline to save: a calibrated run with CPU samples stores the thread-CPU ns/op per iteration
     * (unit {@value #CPU_UNIT}) and the calibration sample beside each; any other run its wall-time ns/op.
     */
    public Baseline toBaseline() {
        Baseline baseline =
                new Baseline(name, UNIT, samples, environment, Instant.now().toString());
        return calibration.length == 0 ? baseline : baseline.withCalibration(calibration);
    }

    /** One line, e.g. "sum: median 12.3 ns/op (95% CI 12.1 .. 12.6), mean 12.5 ± 0.4, 15 iterations". */
    public String summary() {
        ConfidenceInterval ci = medianInterval();
        ConfidenceInterval meanCi = meanInterval();
        return String.format(
                Locale.ROOT,
                "%s: median %s ns/op (95%% CI %s .. %s), mean %s ± %s, %d iterations, %d ops",
                name,
                number(median()),
                number(ci.lower()),
                number(ci.upper()),
                number(mean()),
                number(meanCi.upper() - meanCi.estimate()),
                samples.length,
                operations);
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BenchmarkResult r
                && name.equals(r.name)
                && Arrays.equals(samples, r.samples)
                && operations == r.operations
                && invocations == r.invocations
                && Objects.equals(environment, r.environment)
                && warmupIterations == r.warmupIterations
                && steady == r.steady
                && Double.compare(cpuNanosPerOp, r.cpuNanosPerOp) == 0
                && Double.compare(allocatedBytesPerOp, r.allocatedBytesPerOp) == 0
                && Arrays.equals(calibration, r.calibration)
                && processIds.equals(r.processIds)
                && Arrays.equals(cpuSamples, r.cpuSamples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(samples), operations, invocations, environment);
    }

    @Override
    public String toString() {
        return summary();
    }
}
