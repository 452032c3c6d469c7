package dev.costagent.core.recommend.rules;

import dev.costagent.core.recommend.Recommendation;

/**
 * What one resource cost over the billing window, hour by hour summarized.
 *
 * @param resourceId the resource
 * @param windowCost usage cost (EffectiveCost) in the window
 * @param activeHours hours in the window with non-zero cost
 * @param firstHour first such hour (epoch hours)
 * @param lastHour last such hour (epoch hours)
 * @param spanHours hours from the resource's first hour (or the window start, if later) to the window end
 */
public record ResourceProfile(String resourceId, double windowCost, long activeHours, long firstHour, long lastHour,
        long spanHours) {

    /** Cost per hour while it runs: {@code windowCost / activeHours}. */
    public double hourlyRate() {
        return activeHours == 0 ? 0 : windowCost / activeHours;
    }

    /** The monthly run rate: {@code windowCost / spanHours × 730}. */
    public double monthlyCost() {
        return spanHours == 0 ? 0 : windowCost / spanHours * Recommendation.HOURS_PER_MONTH;
    }

    /** Share of its span the resource had cost in. */
    public double dutyCycle() {
        return spanHours == 0 ? 0 : (double) activeHours / spanHours;
    }
}
