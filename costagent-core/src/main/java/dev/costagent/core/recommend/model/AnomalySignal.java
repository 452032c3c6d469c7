package dev.costagent.core.recommend.model;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.analysis.anomaly.Anomaly;
import java.time.LocalDate;

/**
 * A cost anomaly found by the analysis stage, as the {@code INVESTIGATE_ANOMALY} rule needs it.
 *
 * @param dimension the dimension scanned, e.g. {@code ServiceName} ({@code total} for the overall series)
 * @param value the dimension's value, e.g. {@code Amazon EC2}
 * @param date the UTC day
 * @param actual the day's cost
 * @param expected what the model expected
 * @param severity the analysis' severity label, e.g. {@code HIGH}
 */
public record AnomalySignal(
        String dimension, String value, LocalDate date, double actual, double expected, String severity) {

    /** Checks the parts. */
    public AnomalySignal {
        requireNonNull(dimension, "dimension");
        requireNonNull(date, "date");
        requireNonNull(severity, "severity");
    }

    /** The signal of an anomaly the analysis stage found. */
    public static AnomalySignal of(Anomaly anomaly) {
        return new AnomalySignal(
                anomaly.dimension(),
                anomaly.value(),
                anomaly.date(),
                anomaly.actual(),
                anomaly.expected(),
                anomaly.severity().toString());
    }

    /** Actual minus expected: the day's excess spend (negative for a drop). */
    public double impact() {
        return actual - expected;
    }
}
