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
 * @param mean arithmetic mean of the samples in the window
 */
public record MetricSummary(
        String resourceId,
        String metric,
        double p50,
        double p95,
        double p99,
        double max,
        int samples,
        @JsonSerialize(using = ToStringSerializer.class) Duration span,
        double mean) {

    /** Summarises the last 14 days of a series; an empty series gives zeros. */
    public static MetricSummary of(UtilizationSeries series) {
        if (series.size() == 0) {
            return new MetricSummary(series.resourceId(), series.metric(), 0, 0, 0, 0, 0, Duration.ZERO, 0);
        }
        long[] times = series.epochSeconds();
        UtilizationSeries window = series.since(times[times.length - 1] - UtilizationClassifier.WINDOW.toSeconds());
        long[] t = window.epochSeconds();
        double[] values = window.values();
        NearestRank ranks = new NearestRank(values);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return new MetricSummary(
                series.resourceId(),
                series.metric(),
                ranks.percentile(50),
                ranks.percentile(95),
                ranks.percentile(99),
                ranks.max(),
                window.size(),
                Duration.ofSeconds(t[t.length - 1] - t[0]),
                sum / values.length);
    }

    /**
     * Network bytes per UTC day over the last 14 days of the samples: {@code network_in} and {@code network_out}
     * (bytes transferred in each sample's period, CloudWatch's {@code Sum} statistic) added per day; only whole days
     * inside the window count (a partial first or last day would read as quiet). Null when neither series has
     * samples.
     */
    public static MetricSummary dailyNetwork(String resourceId, UtilizationSeries in, UtilizationSeries out) {
        long last = Long.MIN_VALUE;
        long first = Long.MAX_VALUE;
        for (UtilizationSeries s : new UtilizationSeries[] {in, out}) {
            if (s != null && s.size() > 0) {
                long[] t = s.epochSeconds();
                last = Math.max(last, t[t.length - 1]);
                first = Math.min(first, t[0]);
            }
        }
        if (last == Long.MIN_VALUE) {
            return null;
        }
        long from = Math.max(first, last - UtilizationClassifier.WINDOW.toSeconds());
        long firstDay = Math.floorDiv(from, 86400L);
        long lastDay = Math.floorDiv(last, 86400L);
        java.util.TreeMap<Long, Double> days = new java.util.TreeMap<>();
        for (UtilizationSeries s : new UtilizationSeries[] {in, out}) {
            if (s == null) {
                continue;
            }
            long[] t = s.epochSeconds();
            double[] v = s.values();
            for (int i = 0; i < t.length; i++) {
                long day = Math.floorDiv(t[i], 86400L);
                if (t[i] >= from && day > firstDay && day < lastDay) {
                    days.merge(day, v[i], Double::sum);
                }
            }
        }
        if (days.isEmpty()) { // less than one whole day: use what there is, as one day
            for (UtilizationSeries s : new UtilizationSeries[] {in, out}) {
                if (s != null) {
                    for (double v : s.values()) {
                        days.merge(0L, v, Double::sum);
                    }
                }
            }
        }
        double[] totals =
                days.values().stream().mapToDouble(Double::doubleValue).toArray();
        NearestRank ranks = new NearestRank(totals);
        double sum = 0;
        for (double v : totals) {
            sum += v;
        }
        return new MetricSummary(
                resourceId,
                "network_bytes_per_day",
                ranks.percentile(50),
                ranks.percentile(95),
                ranks.percentile(99),
                ranks.max(),
                totals.length,
                Duration.ofDays(totals.length),
                sum / totals.length);
    }
}
