package dev.costagent.core.recommend;

import dev.costagent.core.recommend.model.Recommendation;
import java.util.List;

/**
 * The ranked recommendations of one run and what the rules could not do.
 *
 * @param recommendations best first, one per target, each saving at least the minimum
 * @param warnings what could not be checked and why (e.g. an unknown instance type)
 * @param belowMinimum how many recommendations were dropped for saving less than the minimum
 * @param superseded how many were dropped because another recommendation for the same target won
 */
public record RecommendationResult(
        List<Recommendation> recommendations, List<String> warnings, int belowMinimum, int superseded) {

    /** Copies the lists. */
    public RecommendationResult {
        recommendations = List.copyOf(recommendations);
        warnings = List.copyOf(warnings);
    }

    /**
     * The sum of monthly savings of the exclusive actions: one per target, commitments sized after them, and
     * {@code INVESTIGATE_ANOMALY} left out (its figure is an impact to investigate, not a saving).
     */
    public double totalMonthlySavings() {
        return Recommendation.cents(recommendations.stream()
                .filter(Recommendation::countsTowardSavings)
                .mapToDouble(Recommendation::monthlySavings)
                .sum());
    }
}
