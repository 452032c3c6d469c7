package dev.costagent.core.recommend.spi;

import dev.costagent.core.recommend.model.Recommendation;

/**
 * What one resource cost over the billing window, summarized by day and PricingCategory.
 *
 * @param resourceId the resource
 * @param windowCost usage cost (EffectiveCost) in the window, every PricingCategory
 * @param activeDays days in the window with non-zero cost
 * @param firstDay first such day (epoch days)
 * @param lastDay last such day (epoch days)
 * @param spanHours hours from the resource's first day (or the window start, if later) to the window end
 * @param committedCost the part with PricingCategory {@code Committed}: amortized commitment that stays payable
 *     whatever is done to the resource
 * @param dynamicCost the part with PricingCategory {@code Dynamic} (spot or preemptible capacity)
 */
public record ResourceProfile(
        String resourceId,
        double windowCost,
        long activeDays,
        long firstDay,
        long lastDay,
        long spanHours,
        double committedCost,
        double dynamicCost) {

    /** A profile of on-demand cost only. */
    public ResourceProfile(
            String resourceId, double windowCost, long activeDays, long firstDay, long lastDay, long spanHours) {
        this(resourceId, windowCost, activeDays, firstDay, lastDay, spanHours, 0, 0);
    }

    /** The monthly run rate of all its cost: {@code windowCost / spanHours × 730}. */
    public double monthlyCost() {
        return Recommendation.monthlyRate(windowCost, spanHours);
    }

    /**
     * The monthly run rate of the cost that removing the resource removes: everything but {@code Committed} cost
     * (the commitment is paid whether or not this resource uses it).
     */
    public double removableMonthlyCost() {
        return Recommendation.monthlyRate(windowCost - committedCost, spanHours);
    }

    /**
     * The monthly run rate of its on-demand cost (PricingCategory {@code Standard}, or none): what a resize, a
     * schedule or a move to spot is priced against.
     */
    public double onDemandMonthlyCost() {
        return Recommendation.monthlyRate(windowCost - committedCost - dynamicCost, spanHours);
    }

    /** The share of its cost that is already spot or preemptible ({@code Dynamic}). */
    public double dynamicShare() {
        return windowCost == 0 ? 0 : dynamicCost / windowCost;
    }

    /** Whether it had cost on every day from its first day to the window end. */
    public boolean everyDay() {
        return activeDays * 24 >= spanHours;
    }
}
