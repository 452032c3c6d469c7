package dev.costagent.core.analysis.utilization;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Duration;

/**
 * Nearest-rank percentiles of any utilization metric (e.g. memory %) over the last 14 days of its series, for
 * context next to a CPU verdict.
 *
 * @param resourceId the resource
 * @param metric the metric, e.g. {@code memory}
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max maximum
 * @param samples samples in the window
 * @param span first to last sample in the window
 */
public record MetricSummary(String resourceId, String metric, double p50, double p95, double p99, double max,
        int samples, @JsonSerialize(using = ToStringSerializer.class) Duration span) {

    /** Summarises the last 14 days of a series; an empty series gives zeros. */
    public static MetricSummary of(UtilizationSeries series) {
        if (series.size() == 0) {
            return new MetricSummary(series.resourceId(), series.metric(), 0, 0, 0, 0, 0, Duration.ZERO);
        }
        long[] times = series.epochSeconds();
        UtilizationSeries window = series.since(times[times.length - 1] - UtilizationClassifier.WINDOW.toSeconds());
        long[] t = window.epochSeconds();
        NearestRank ranks = new NearestRank(window.values());
        return new MetricSummary(series.resourceId(), series.metric(), ranks.percentile(50), ranks.percentile(95),
                ranks.percentile(99), ranks.max(), window.size(), Duration.ofSeconds(t[t.length - 1] - t[0]));
    }
}
