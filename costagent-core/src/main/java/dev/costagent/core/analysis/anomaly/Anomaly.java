package dev.costagent.core.analysis.anomaly;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.LocalDate;
import java.util.List;

/**
 * One anomalous event: a day (or a run of consecutive days) on which one series, and the series nested in it, left
 * their expectation. Detections on the same days whose causes nest (total &gt; service &gt; account, region,
 * resource) are one event, reported on the broadest series that saw it; the others are listed in {@code seenIn}.
 *
 * @param dimension the scanned dimension of the reporting series, e.g. {@code ServiceName}, or {@code total}
 * @param value the dimension value, e.g. {@code Amazon EC2}, or {@code total}
 * @param date the first UTC day of the event ({@code 2024-09-18} in JSON)
 * @param actual the cost over the event's days
 * @param expected the seasonal expectation over the event's days
 * @param impact actual − expected over the event's days: the event's estimated impact (negative for a drop)
 * @param impactPercent impact / expected × 100; {@code null} when nothing was expected
 * @param score the largest robust score of its days (impact / robust scale)
 * @param severity how much it matters, graded by impact against the scope's spend and by score
 * @param rootCauses the sub-dimension values that made the impact on the event's largest day, largest first
 * @param kind rise or drop
 * @param lastDate the last UTC day of the event (equal to {@code date} for a one-day event)
 * @param days the event's days
 * @param seenIn the other series that showed the same event ({@code ServiceName=Amazon EC2}, ...)
 */
public record Anomaly(
        String dimension,
        String value,
        @JsonSerialize(using = ToStringSerializer.class) LocalDate date,
        double actual,
        double expected,
        double impact,
        Double impactPercent,
        double score,
        Severity severity,
        List<RootCause> rootCauses,
        AnomalyKind kind,
        @JsonSerialize(using = ToStringSerializer.class) LocalDate lastDate,
        int days,
        List<String> seenIn) {

    /** Copies the lists. */
    public Anomaly {
        requireNonNull(dimension, "dimension");
        requireNonNull(value, "value");
        requireNonNull(date, "date");
        requireNonNull(severity, "severity");
        requireNonNull(kind, "kind");
        requireNonNull(lastDate, "lastDate");
        rootCauses = List.copyOf(rootCauses);
        seenIn = List.copyOf(seenIn);
    }

    /** A one-day detection on one series, its kind from the impact's sign. */
    public Anomaly(
            String dimension,
            String value,
            LocalDate date,
            double actual,
            double expected,
            double impact,
            Double impactPercent,
            double score,
            Severity severity,
            List<RootCause> rootCauses) {
        this(
                dimension,
                value,
                date,
                actual,
                expected,
                impact,
                impactPercent,
                score,
                severity,
                rootCauses,
                impact < 0 ? AnomalyKind.DROP : AnomalyKind.RISE,
                date,
                1,
                List.of());
    }

    /** Whether the cost rose. */
    public boolean isSpike() {
        return kind == AnomalyKind.RISE;
    }

    /** {@code total}, or {@code dimension=value}: the series as a label. */
    public String label() {
        return DailySeriesLabel.of(dimension, value);
    }

    /** Whether this event was seen on the series {@code dimension=value}, as its reporting series or a nested one. */
    public boolean covers(String seriesDimension, String seriesValue) {
        String l = DailySeriesLabel.of(seriesDimension, seriesValue);
        return label().equals(l) || seenIn.contains(l);
    }

    /** Whether the event includes the day. */
    public boolean includes(LocalDate day) {
        return !day.isBefore(date) && !day.isAfter(lastDate);
    }

    /** The same anomaly with root causes. */
    public Anomaly withRootCauses(List<RootCause> causes) {
        return new Anomaly(
                dimension,
                value,
                date,
                actual,
                expected,
                impact,
                impactPercent,
                score,
                severity,
                causes,
                kind,
                lastDate,
                days,
                seenIn);
    }
}
