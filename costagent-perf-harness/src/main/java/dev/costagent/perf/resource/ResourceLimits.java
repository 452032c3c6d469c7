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
 * @param maxHeapBytes           peak live heap: heap after GC when a collection ran, else heap used
 * @param maxAllocatedBytesPerOp allocated bytes per operation
 * @param maxCpuNanosPerOp       process CPU nanoseconds per operation
 * @param maxCpuPercent          mean process CPU, percent of all available processors
 * @param maxGcTimeMillis        total collection time
 */
public record ResourceLimits(long maxHeapBytes, double maxAllocatedBytesPerOp, double maxCpuNanosPerOp,
                             double maxCpuPercent, long maxGcTimeMillis) {

    /** No limits. */
    public static ResourceLimits none() {
        return new ResourceLimits(-1, -1, -1, -1, -1);
    }

    /** With a heap limit in bytes. */
    public ResourceLimits maxHeap(long bytes) {
        return new ResourceLimits(bytes, maxAllocatedBytesPerOp, maxCpuNanosPerOp, maxCpuPercent, maxGcTimeMillis);
    }

    /** With a limit on allocated bytes per operation. */
    public ResourceLimits maxAllocatedPerOp(double bytes) {
        return new ResourceLimits(maxHeapBytes, bytes, maxCpuNanosPerOp, maxCpuPercent, maxGcTimeMillis);
    }

    /** With a limit on CPU nanoseconds per operation. */
    public ResourceLimits maxCpuPerOp(double nanos) {
        return new ResourceLimits(maxHeapBytes, maxAllocatedBytesPerOp, nanos, maxCpuPercent, maxGcTimeMillis);
    }

    /** With a limit on mean process CPU, percent of all processors. */
    public ResourceLimits maxCpuPercent(double percent) {
        return new ResourceLimits(maxHeapBytes, maxAllocatedBytesPerOp, maxCpuNanosPerOp, percent, maxGcTimeMillis);
    }

    /** With a limit on total GC time. */
    public ResourceLimits maxGcTimeMillis(long millis) {
        return new ResourceLimits(maxHeapBytes, maxAllocatedBytesPerOp, maxCpuNanosPerOp, maxCpuPercent, millis);
    }

    /** Whether any limit is set. */
    public boolean any() {
        return maxHeapBytes >= 0 || maxAllocatedBytesPerOp >= 0 || maxCpuNanosPerOp >= 0 || maxCpuPercent >= 0
                || maxGcTimeMillis >= 0;
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
        List<Check> checks = new ArrayList<>();
        if (maxHeapBytes >= 0) {
            boolean afterGc = usage.peakHeapAfterGc() >= 0;
            long heap = afterGc ? usage.peakHeapAfterGc() : usage.peakHeapUsed();
            checks.add(new Check("heap", Units.bytes(heap), "<= " + Units.bytes(maxHeapBytes), heap <= maxHeapBytes,
                    afterGc ? "peak heap after GC (live set)" : "no GC ran: peak heap used, an upper bound"));
        }
        if (maxAllocatedBytesPerOp >= 0) {
            boolean exact = workers != null && workers.allocatedBytes() >= 0;
            double perOp = exact ? workers.allocatedBytesPerOp(operations) : usage.allocatedBytesPerOp(operations);
            checks.add(new Check("allocated per operation", Units.bytes(perOp),
                    "<= " + Units.bytes(maxAllocatedBytesPerOp), perOp <= maxAllocatedBytesPerOp,
                    Double.isNaN(perOp) ? unmeasurable("allocation", operations)
                            : (exact ? "worker threads / " : "all threads / ") + operations + " operations"));
        }
        if (maxCpuNanosPerOp >= 0) {
            boolean exact = workers != null && workers.cpuNanos() >= 0;
            double perOp = exact ? workers.cpuNanosPerOp(operations) : usage.cpuNanosPerOp(operations);
            checks.add(new Check("CPU time per operation", Units.nanos(perOp), "<= " + Units.nanos(maxCpuNanosPerOp),
                    perOp <= maxCpuNanosPerOp, Double.isNaN(perOp) ? unmeasurable("CPU time", operations)
                            : (exact ? "worker CPU time / " : "process CPU time / ") + operations + " operations"));
        }
        if (maxCpuPercent >= 0) {
            double percent = usage.cpuPercent();
            checks.add(new Check("process CPU", percent(percent), "<= " + percent(maxCpuPercent),
                    percent <= maxCpuPercent, "mean over the run, % of " + usage.availableProcessors()
                            + " processors"));
        }
        if (maxGcTimeMillis >= 0) {
            checks.add(new Check("GC time", usage.gcTimeMillis() + " ms", "<= " + maxGcTimeMillis + " ms",
                    usage.gcTimeMillis() <= maxGcTimeMillis, usage.gcCount() + " collections"));
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
