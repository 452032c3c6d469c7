package dev.costagent.core.analysis.commitment;

import java.util.List;

/**
 * Coverage and utilization of commitment discounts.
 *
 * @param coverageMetric the metric coverage is measured in, e.g. {@code ListCost}
 * @param utilizationMetric the metric used and unused dollars are measured in, e.g. {@code EffectiveCost}
 * @param eligibleCost usage cost of services that commitments cover at all (Unused rows excluded)
 * @param coveredCost the part of it covered by a commitment
 * @param coverage coveredCost / eligibleCost; {@code null} without eligible usage
 * @param usedCost commitment cost that covered usage
 * @param unusedCost commitment cost left unused
 * @param utilization usedCost / (usedCost + unusedCost); {@code null} without commitments
 * @param eligibleServices the services counted as eligible
 * @param commitments one per commitment, most unused dollars first
 */
public record CommitmentReport(
        String coverageMetric,
        String utilizationMetric,
        double eligibleCost,
        double coveredCost,
        Double coverage,
        double usedCost,
        double unusedCost,
        Double utilization,
        List<String> eligibleServices,
        List<CommitmentUsage> commitments) {

    /** Copies the lists. */
    public CommitmentReport {
        eligibleServices = List.copyOf(eligibleServices);
        commitments = List.copyOf(commitments);
    }
}
