package dev.costagent.core.recommend.rules;

import dev.costagent.core.recommend.Recommendation;

/**
 * What one resource cost over the billing window, summarized by day.
 *
 * @param resourceId the resource
 * @param windowCost usage cost (EffectiveCost) in the window
 * @param activeDays days in the window with non-zero cost
 * @param firstDay first such day (epoch days)
 * @param lastDay last such day (epoch days)
 * @param spanHours hours from the resource's first day (or the window start, if later) to the window end
 */
public record ResourceProfile(String resourceId, double windowCost, long activeDays, long firstDay, long lastDay,
        long spanHours) {

    /** The monthly run rate: {@code windowCost / spanHours × 730}. */
    public double monthlyCost() {
        return Recommendation.monthlyRate(windowCost, spanHours);
    }

    /** Whether it had cost on every day from its first day to the window end. */
    public boolean everyDay() {
        return activeDays * 24 >= spanHours;
    }
}
