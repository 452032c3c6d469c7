package dev.costagent.core.analysis.utilization;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Duration;

/**
 * The rightsizing verdict for one resource, with the statistics it rests on.
 *
 * @param resourceId the resource the series belongs to
 * @param verdict what the rules concluded
 * @param p50 CPU % median (nearest rank)
 * @param p95 CPU % 95th percentile (nearest rank)
 * @param p99 CPU % 99th percentile (nearest rank)
 * @param max CPU % maximum
 * @param samples how many samples the rules looked at (those in the last 14 days of the series)
 * @param span time from the first to the last of those samples (ISO 8601 in JSON, e.g. {@code PT335H55M})
 * @param bursty p50 &lt; 10% and p95 &gt; 50%: mostly quiet with heavy bursts, a scheduling candidate
 * @param reason one line saying which rule decided and with which numbers
 * @param mean CPU % mean of the same samples (what burstable CPU credits are earned and spent against)
 * @param memory memory % percentiles of the same resource over the same 14 days, or null when not measured
 * @param network network bytes per UTC day (in + out) percentiles over the same 14 days, or null when not measured
 */
public record UtilizationVerdict(
        String resourceId,
        Verdict verdict,
        double p50,
        double p95,
        double p99,
        double max,
        int samples,
        @JsonSerialize(using = ToStringSerializer.class) Duration span,
        boolean bursty,
        String reason,
        double mean,
        MetricSummary memory,
        MetricSummary network) {

    /** The possible verdicts, in the order the rules are checked. */
    public enum Verdict {
        /** The samples span less than 30 hours. */
        INSUFFICIENT_DATA,
        /** CPU p95 ≤ 5%, and, when measured, network ≤ 5 MB every day and memory not moving. */
        IDLE,
        /** CPU p95 &gt; 80% or p99 &gt; 90%. */
        UNDER_PROVISIONED,
        /** CPU p95 &lt; 40% and p99 &lt; 80%. */
        OVER_PROVISIONED,
        /** None of the above. */
        OPTIMIZED
    }

    /** Checks the parts. */
    public UtilizationVerdict {
        requireNonNull(resourceId, "resourceId");
        requireNonNull(verdict, "verdict");
        requireNonNull(span, "span");
        requireNonNull(reason, "reason");
        if (samples < 0) {
            throw new IllegalArgumentException("negative sample count: " + samples);
        }
    }

    /** A CPU-only verdict (mean unknown: taken as p50; no memory or network). */
    public UtilizationVerdict(
            String resourceId,
            Verdict verdict,
            double p50,
            double p95,
            double p99,
            double max,
            int samples,
            Duration span,
            boolean bursty,
            String reason) {
        this(resourceId, verdict, p50, p95, p99, max, samples, span, bursty, reason, p50, null, null);
    }

    /** Whether a memory series was measured for this resource. */
    public boolean hasMemory() {
        return memory != null && memory.samples() > 0;
    }

    /** The span in hours, for readers that prefer a number. */
    public double spanHours() {
        return span.toSeconds() / 3600.0;
    }
}
