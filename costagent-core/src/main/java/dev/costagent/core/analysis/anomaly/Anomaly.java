package dev.costagent.core.analysis.anomaly;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.LocalDate;
import java.util.List;

/**
 * One anomalous day of one series.
 *
 * @param dimension the scanned dimension, e.g. {@code ServiceName}, or {@code total}
 * @param value the dimension value, e.g. {@code Amazon EC2}, or {@code total}
 * @param date the UTC day ({@code 2024-09-18} in JSON)
 * @param actual the day's cost
 * @param expected the seasonal expectation from the days before
 * @param impact actual − expected (negative for a drop)
 * @param impactPercent impact / expected × 100; {@code null} when nothing was expected
 * @param score impact / robust scale (a robust z-score)
 * @param severity how much it matters
 * @param rootCauses the sub-dimension values that made the impact, largest contribution first
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
        List<RootCause> rootCauses) {

    /** Copies the root causes. */
    public Anomaly {
        requireNonNull(dimension, "dimension");
        requireNonNull(value, "value");
        requireNonNull(date, "date");
        requireNonNull(severity, "severity");
        rootCauses = List.copyOf(rootCauses);
    }

    /** Whether the cost rose. */
    public boolean isSpike() {
        return impact > 0;
    }

    /** The same anomaly with root causes. */
    public Anomaly withRootCauses(List<RootCause> causes) {
        return new Anomaly(dimension, value, date, actual, expected, impact, impactPercent, score, severity, causes);
    }
}
