package dev.costagent.datagen;

import java.math.BigDecimal;

/**
 * One dimension value whose Usage EffectiveCost a planted anomaly changed on its day: the planted value itself, and
 * the values it spills into (a spike on a service also lifts the regions and sub accounts that service runs in).
 *
 * @param dimension {@code ServiceName}, {@code SubAccountId} or {@code RegionId}
 * @param value the dimension value
 * @param expectedCost the value's Usage EffectiveCost that day had the anomaly not been planted
 * @param actualCost the value's Usage EffectiveCost that day as generated
 */
public record AffectedValue(String dimension, String value, BigDecimal expectedCost, BigDecimal actualCost) {

    /** {@code actualCost - expectedCost}. */
    public BigDecimal impact() {
        return actualCost.subtract(expectedCost);
    }

    /** The impact relative to the expected cost (0 when nothing was expected). */
    public double impactRatio() {
        return expectedCost.signum() == 0 ? 0.0 : impact().doubleValue() / expectedCost.doubleValue();
    }
}
