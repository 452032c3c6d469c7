package dev.costagent.datagen;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * An anomaly to plant: the on-demand Usage rows of one dimension value on one day (from that day on for a level
 * shift) get their quantity, and so their cost, multiplied by {@code 1 + magnitude}. Rows covered by a commitment
 * discount and unused-commitment rows are left alone: extra usage is billed on demand.
 *
 * @param type spike, drop or level shift
 * @param dimension {@code ServiceName}, {@code SubAccountId} or {@code RegionId}
 * @param value the dimension value, e.g. {@code Amazon Elastic Compute Cloud}
 * @param date the UTC day
 * @param magnitude the relative change: {@code 1.5} is +150%, {@code -0.6} is −60%
 */
public record AnomalySpec(AnomalyType type, String dimension, String value, LocalDate date, double magnitude) {

    /** The dimensions an anomaly can be planted on. */
    public static final List<String> DIMENSIONS = List.of("ServiceName", "SubAccountId", "RegionId");

    /** Validates the parts. */
    public AnomalySpec {
        requireNonNull(type, "type");
        requireNonNull(dimension, "dimension");
        requireNonNull(value, "value");
        requireNonNull(date, "date");
        if (!DIMENSIONS.contains(dimension)) {
            throw new IllegalArgumentException("anomaly dimension " + dimension + " is not one of " + DIMENSIONS);
        }
        if (!Double.isFinite(magnitude) || magnitude <= -1.0 || magnitude == 0.0) {
            throw new IllegalArgumentException("anomaly magnitude " + magnitude + " must be finite, > -1 and not 0");
        }
        if (type == AnomalyType.SPIKE && magnitude < 0) {
            throw new IllegalArgumentException("a spike needs a positive magnitude, got " + magnitude);
        }
        if (type == AnomalyType.DROP && magnitude > 0) {
            throw new IllegalArgumentException("a drop needs a negative magnitude, got " + magnitude);
        }
    }

    /** The quantity multiplier, {@code 1 + magnitude}. */
    public double factor() {
        return 1.0 + magnitude;
    }
}
