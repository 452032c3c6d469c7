package dev.costagent.perf.spi;

import dev.costagent.perf.result.LoadResult;
import java.util.ArrayList;
import java.util.List;

/** The figures of a load result as {@link Metric}s: counts, throughput and response-time percentiles. */
public final class LoadMetrics {

    private LoadMetrics() {}

    /** Count, errors, dropped starts, throughput, p50/p95/p99/max response time and mean. */
    public static List<Metric> of(LoadResult r) {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric("calls", "count", r.count()));
        metrics.add(new Metric("errors", "count", r.errorCount()));
        metrics.add(new Metric("error_rate", "ratio", r.errorRate()));
        metrics.add(new Metric("dropped_starts", "count", r.droppedStarts()));
        metrics.add(new Metric("throughput", "ops_per_s", r.throughput()));
        metrics.add(new Metric("p50", "ns", r.responseTime(50).toNanos()));
        metrics.add(new Metric("p95", "ns", r.responseTime(95).toNanos()));
        metrics.add(new Metric("p99", "ns", r.responseTime(99).toNanos()));
        metrics.add(new Metric("max", "ns", r.maxResponseTime().toNanos()));
        metrics.add(new Metric("mean", "ns", r.meanResponseTime().toNanos()));
        metrics.add(new Metric("elapsed", "ns", r.elapsed().toNanos()));
        return metrics;
    }
}
