package dev.costagent.perf.resource;

import dev.costagent.perf.report.Chart;
import dev.costagent.perf.report.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a sampled stretch of time used, with the series it was sampled as. Unmeasurable figures are -1 (counts)
 * or NaN (rates), never 0.
 *
 * @param samples             the series, in time order (bounded: long runs are thinned evenly)
 * @param durationNanos       wall time sampled
 * @param allocatedBytes      bytes allocated by all threads (-1 when unmeasurable)
 * @param cpuNanos            process CPU time (-1 when unmeasurable)
 * @param gcCount             collections
 * @param gcTimeMillis        time spent collecting
 * @param peakHeapUsed        largest heap use seen
 * @param peakHeapAfterGc     largest heap use right after a collection (the live set; -1 when no collection ran)
 * @param peakThreads         most live threads seen
 * @param availableProcessors processors available to the JVM
 */
public record ResourceUsage(
        List<ResourceSample> samples,
        long durationNanos,
        long allocatedBytes,
        long cpuNanos,
        long gcCount,
        long gcTimeMillis,
        long peakHeapUsed,
        long peakHeapAfterGc,
        int peakThreads,
        int availableProcessors) {

    /** Copies the samples. */
    public ResourceUsage {
        samples = List.copyOf(samples);
    }

    /** Mean process CPU use over the whole stretch, in percent of all available processors; NaN if unknown. */
    public double cpuPercent() {
        return cpuNanos < 0 || durationNanos <= 0 ? Double.NaN : 100.0 * cpuNanos / durationNanos / availableProcessors;
    }

    /** Highest CPU use of any sampling interval, in percent of all processors; NaN with fewer than two samples. */
    public double peakCpuPercent() {
        double peak = Double.NaN;
        for (ResourceSample s : samples) {
            if (!Double.isNaN(s.cpuPercent()) && !(s.cpuPercent() <= peak)) {
                peak = s.cpuPercent();
            }
        }
        return peak;
    }

    /** Bytes allocated per operation; NaN when allocation is unmeasurable or no operation ran. */
    public double allocatedBytesPerOp(long operations) {
        return allocatedBytes < 0 || operations <= 0 ? Double.NaN : (double) allocatedBytes / operations;
    }

    /** Process CPU nanoseconds per operation; NaN when CPU time is unmeasurable or no operation ran. */
    public double cpuNanosPerOp(long operations) {
        return cpuNanos < 0 || operations <= 0 ? Double.NaN : (double) cpuNanos / operations;
    }

    /** One line for the console. */
    public String summary(long operations) {
        return String.format(
                Locale.ROOT,
                "heap peak %s (after GC %s), allocated %s (%s/op), CPU %s (%s/op, %.1f%% of %d"
                        + " cores), GC %d in %d ms, threads %d",
                Units.bytes(peakHeapUsed),
                peakHeapAfterGc < 0 ? "n/a" : Units.bytes(peakHeapAfterGc),
                allocatedBytes < 0 ? "n/a" : Units.bytes(allocatedBytes),
                Units.bytes(allocatedBytesPerOp(operations)),
                cpuNanos < 0 ? "n/a" : Units.nanos(cpuNanos),
                Units.nanos(cpuNanosPerOp(operations)),
                cpuPercent(),
                availableProcessors,
                gcCount,
                gcTimeMillis,
                peakThreads);
    }

    /** Charts for reports: heap, CPU %, allocation rate and threads over time. */
    public List<Chart> charts() {
        int n = samples.size();
        double[] t = new double[n];
        double[] heap = new double[n];
        double[] afterGc = new double[n];
        double[] cpu = new double[n];
        double[] allocationRate = new double[n];
        double[] threads = new double[n];
        for (int i = 0; i < n; i++) {
            ResourceSample s = samples.get(i);
            t[i] = s.offsetNanos() / 1e9;
            heap[i] = s.heapUsed() / 1048576.0;
            afterGc[i] = s.heapAfterGc() < 0 ? Double.NaN : s.heapAfterGc() / 1048576.0;
            cpu[i] = s.cpuPercent();
            threads[i] = s.threads();
            if (i == 0 || s.allocatedBytes() < 0) {
                allocationRate[i] = Double.NaN;
            } else {
                ResourceSample previous = samples.get(i - 1);
                double seconds = (s.offsetNanos() - previous.offsetNanos()) / 1e9;
                allocationRate[i] = seconds <= 0
                        ? Double.NaN
                        : (s.allocatedBytes() - previous.allocatedBytes()) / 1048576.0 / seconds;
            }
        }
        List<Chart> charts = new ArrayList<>();
        charts.add(Chart.linear(
                "Heap",
                "seconds",
                "MiB",
                List.of(Series.measured("used", t, heap), Series.measured("after GC", t, afterGc))));
        charts.add(Chart.linear(
                "Process CPU (% of " + availableProcessors + " processors)",
                "seconds",
                "%",
                List.of(Series.measured("CPU %", t, cpu))));
        charts.add(Chart.linear(
                "Allocation rate", "seconds", "MiB/s", List.of(Series.measured("allocated", t, allocationRate))));
        charts.add(Chart.linear("Threads", "seconds", "threads", List.of(Series.measured("live", t, threads))));
        return charts;
    }
}
