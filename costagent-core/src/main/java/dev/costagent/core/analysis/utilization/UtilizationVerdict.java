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
        String reason) {

    /** The possible verdicts, in the order the rules are checked. */
    public enum Verdict {
        /** The samples span less than 30 hours. */
        INSUFFICIENT_DATA,
        /** CPU p95 ≤ 5%. */
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

    /** The span in hours, for readers that prefer a number. */
    public double spanHours() {
        return span.toSeconds() / 3600.0;
    }
}
