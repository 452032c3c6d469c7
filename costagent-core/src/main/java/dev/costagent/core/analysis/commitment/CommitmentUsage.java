package dev.costagent.core.analysis.commitment;

/**
 * How much of one commitment was used.
 *
 * @param id CommitmentDiscountId
 * @param name CommitmentDiscountName (may be null)
 * @param type CommitmentDiscountType, e.g. {@code Savings Plan} (may be null)
 * @param category CommitmentDiscountCategory, {@code Spend} or {@code Usage} (may be null)
 * @param usedCost cost of usage the commitment covered
 * @param unusedCost cost of the commitment left unused: the dollars wasted
 * @param utilization usedCost / (usedCost + unusedCost); {@code null} when both are 0
 */
public record CommitmentUsage(
        String id, String name, String type, String category, double usedCost, double unusedCost, Double utilization) {}
