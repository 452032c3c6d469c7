package dev.costagent.perf.resource;

import dev.costagent.perf.report.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resource budgets a measurement must stay within. Each limit is optional (negative = not set).
 *
 * <pre>{@code
 * ResourceLimits limits = ResourceLimits.none().maxHeap(Units.parseBytes("256MB"))
 *         .maxAllocatedPerOp(1_024).maxCpuPerOp(Units.parseNanos("50us")).maxCpuPercent(80).maxGcTimeMillis(200);
 * List<Check> checks = limits.check(usage, operations);
 * }</pre>
 *
 * @param maxHeapBytes           retained heap: live heap after the measured code minus live heap before it, both by
 *                               requested and confirmed collections (see {@link RetainedHeap})
 * @param maxAllocatedBytesPerOp allocated bytes per operation
 * @param maxCpuNanosPerOp       process CPU nanoseconds per operation
 * @param maxCpuPercent          mean process CPU, percent of all available processors
 * @param maxGcTimeMillis        total collection time
 * @param maxPeakHeapBytes       peak heap used while sampling (live data plus garbage not yet collected)
 */
public record ResourceLimits(
        long maxHeapBytes,
        double maxAllocatedBytesPerOp,
        double maxCpuNanosPerOp,
        double maxCpuPercent,
        long maxGcTimeMillis,
        long maxPeakHeapBytes) {

    /** No limits. */
    public static ResourceLimits none() {
        return new ResourceLimits(-1, -1, -1, -1, -1, -1);
    }

    /** With a retained-heap limit in bytes (see {@link RetainedHeap}). */
    public ResourceLimits maxHeap(long bytes) {
        return new ResourceLimits(
                bytes, maxAllocatedBytesPerOp, maxCpuNanosPerOp, maxCpuPercent, maxGcTimeMillis, maxPeakHeapBytes);
    }

    /** With a limit on the peak heap used (garbage included) in bytes. */
    public ResourceLimits maxPeakHeap(long bytes) {
        return new ResourceLimits(
                maxHeapBytes, maxAllocatedBytesPerOp, maxCpuNanosPerOp, maxCpuPercent, maxGcTimeMillis, bytes);
    }

    /** With a limit on allocated bytes per operation. */
    public ResourceLimits maxAllocatedPerOp(double bytes) {
        return new ResourceLimits(
                maxHeapBytes, bytes, maxCpuNanosPerOp, maxCpuPercent, maxGcTimeMillis, maxPeakHeapBytes);
    }

    /** With a limit on CPU nanoseconds per operation. */
    public ResourceLimits maxCpuPerOp(double nanos) {
        return new ResourceLimits(
                maxHeapBytes, maxAllocatedBytesPerOp, nanos, maxCpuPercent, maxGcTimeMillis, maxPeakHeapBytes);
    }

    /** With a limit on mean process CPU, percent of all processors. */
    public ResourceLimits maxCpuPercent(double percent) {
        return new ResourceLimits(
                maxHeapBytes, maxAllocatedBytesPerOp, maxCpuNanosPerOp, percent, maxGcTimeMillis, maxPeakHeapBytes);
    }

    /** With a limit on total GC time. */
    public ResourceLimits maxGcTimeMillis(long millis) {
        return new ResourceLimits(
                maxHeapBytes, maxAllocatedBytesPerOp, maxCpuNanosPerOp, maxCpuPercent, millis, maxPeakHeapBytes);
    }

    /** Whether any limit is set. */
    public boolean any() {
        return maxHeapBytes >= 0
                || maxAllocatedBytesPerOp >= 0
                || maxCpuNanosPerOp >= 0
                || maxCpuPercent >= 0
                || maxGcTimeMillis >= 0
                || maxPeakHeapBytes >= 0;
    }

    /**
     * Checks every set limit. A limit whose figure this JVM cannot measure fails, with a note saying so: an
     * unverifiable budget is not a met one.
     */
    public List<Check> check(ResourceUsage usage, long operations) {
        return check(usage, null, operations);
    }

    /**
     * Like {@link #check(ResourceUsage, long)}, but per-operation limits use the load run's worker-only figures
     * when {@code workers} is given (exact; the whole-JVM usage also counts the harness's own threads).
     */
    public List<Check> check(ResourceUsage usage, WorkerUsage workers, long operations) {
        return check(usage, workers, operations, null);
    }

    /**
     * Like {@link #check(ResourceUsage, WorkerUsage, long)}, with the retained heap measured around the code
     * ({@code null} when not measured: a retained-heap limit then fails as unmeasured).
     */
    public List<Check> check(ResourceUsage usage, WorkerUsage workers, long operations, RetainedHeap retained) {
        List<Check> checks = new ArrayList<>();
        if (maxHeapBytes >= 0) {
            if (retained == null || !retained.confirmed()) {
                checks.add(new Check(
                        "retained heap",
                        "n/a",
                        "<= " + Units.bytes(maxHeapBytes),
                        false,
                        retained == null
                                ? "not measured: retained heap needs LiveHeap readings around the code"
                                        + " (@ResourceBudget takes them)"
                                : retained.describe()));
            } else {
                long heap = retained.retainedBytes();
                checks.add(new Check(
                        "retained heap",
                        RetainedHeap.signed(heap),
                        "<= " + Units.bytes(maxHeapBytes),
                        heap <= maxHeapBytes,
                        retained.describe()));
            }
        }
        if (maxPeakHeapBytes >= 0) {
            checks.add(new Check(
                    "peak heap used",
                    Units.bytes(usage.peakHeapUsed()),
                    "<= " + Units.bytes(maxPeakHeapBytes),
                    usage.peakHeapUsed() <= maxPeakHeapBytes,
                    "largest sampled heap use, garbage included"));
        }
        if (maxAllocatedBytesPerOp >= 0) {
            boolean exact = workers != null && workers.allocatedBytes() >= 0;
            double perOp = exact ? workers.allocatedBytesPerOp(operations) : usage.allocatedBytesPerOp(operations);
            checks.add(new Check(
                    "allocated per operation",
                    Units.bytes(perOp),
                    "<= " + Units.bytes(maxAllocatedBytesPerOp),
                    perOp <= maxAllocatedBytesPerOp,
                    Double.isNaN(perOp)
                            ? unmeasurable("allocation", operations)
                            : (exact ? "worker threads / " : "all threads / ") + operations + " operations"));
        }
        if (maxCpuNanosPerOp >= 0) {
            boolean exact = workers != null && workers.cpuNanos() >= 0;
            double perOp = exact ? workers.cpuNanosPerOp(operations) : usage.cpuNanosPerOp(operations);
            checks.add(new Check(
                    "CPU time per operation",
                    Units.nanos(perOp),
                    "<= " + Units.nanos(maxCpuNanosPerOp),
                    perOp <= maxCpuNanosPerOp,
                    Double.isNaN(perOp)
                            ? unmeasurable("CPU time", operations)
                            : (exact ? "worker CPU time / " : "process CPU time / ") + operations + " operations"));
        }
        if (maxCpuPercent >= 0) {
            double percent = usage.cpuPercent();
            checks.add(new Check(
                    "process CPU",
                    percent(percent),
                    "<= " + percent(maxCpuPercent),
                    percent <= maxCpuPercent,
                    "mean over the run, % of " + usage.availableProcessors() + " processors"));
        }
        if (maxGcTimeMillis >= 0) {
            checks.add(new Check(
                    "GC time",
                    usage.gcTimeMillis() + " ms",
                    "<= " + maxGcTimeMillis + " ms",
                    usage.gcTimeMillis() <= maxGcTimeMillis,
                    usage.gcCount() + " collections"));
        }
        return checks;
    }

    private static String unmeasurable(String what, long operations) {
        return operations <= 0 ? "no operations counted" : what + " is not measurable on this JVM";
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", value);
    }
}
