/**
 * Commitment discounts (reservations, savings plans, committed use) from the FOCUS CommitmentDiscount* columns:
 * coverage, utilization and unused dollars per commitment.
 *
 * <p>The entry type is {@link dev.costagent.core.analysis.commitment.CommitmentAnalyzer}. Definitions, over
 * {@code ChargeCategory = Usage} rows (FOCUS reports the unused part of a commitment as Usage rows with
 * {@code CommitmentDiscountStatus = Unused}):
 * <ul>
 *   <li>eligible usage: rows of services where some usage is covered by a commitment, except Unused rows;</li>
 *   <li>covered usage: rows with a CommitmentDiscountId and status Used (or no status);</li>
 *   <li>coverage = covered cost / eligible cost, at on-demand prices (ListCost) by default;</li>
 *   <li>utilization = used commitment cost / (used + unused commitment cost), overall and per commitment, at
 *       amortized cost (EffectiveCost) by default; the unused cost is the dollars wasted.</li>
 * </ul>
 */
package dev.costagent.core.analysis.commitment;
