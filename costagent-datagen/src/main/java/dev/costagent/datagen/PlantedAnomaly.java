package dev.costagent.datagen;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Ground truth for one planted anomaly, measured on the generated data: the value's Usage EffectiveCost on the
 * anomaly's day with the anomaly ({@code actualCost}) and without it ({@code expectedCost}). For a level shift the
 * day is the first shifted day; later days shift by a similar amount.
 *
 * @param type spike, drop or level shift
 * @param dimension {@code ServiceName}, {@code SubAccountId} or {@code RegionId}
 * @param value the dimension value
 * @param date the UTC day
 * @param magnitude the planted relative change of the on-demand usage quantity
 * @param expectedCost the value's Usage EffectiveCost that day had the anomaly not been planted
 * @param actualCost the value's Usage EffectiveCost that day as generated
 * @param affected every ServiceName, SubAccountId and RegionId value whose cost the anomaly changed that day, the
 *        planted value among them, largest absolute impact first: use it to tell a detection on another dimension
 *        that the anomaly explains from a false positive
 */
public record PlantedAnomaly(
        AnomalyType type,
        String dimension,
        String value,
        LocalDate date,
        double magnitude,
        BigDecimal expectedCost,
        BigDecimal actualCost,
        List<AffectedValue> affected) {

    /** Copies the list. */
    public PlantedAnomaly {
        affected = List.copyOf(affected);
    }

    /** The dollar impact, {@code actualCost - expectedCost} (negative for a drop). */
    public BigDecimal impact() {
        return actualCost.subtract(expectedCost);
    }

    /** The impact relative to the expected cost, e.g. {@code 1.2} for +120%. */
    public double impactRatio() {
        return expectedCost.signum() == 0 ? 0.0 : impact().doubleValue() / expectedCost.doubleValue();
    }
}
