/**
 * Savings recommendations a FinOps team can act on, every dollar traced to the data.
 *
 * <p>The entry type is {@link dev.costagent.core.recommend.RecommendationEngine}: it runs the
 * {@link dev.costagent.core.recommend.rules rules} over a {@link dev.costagent.core.recommend.RecommendationInput}
 * (billing queries, CPU/memory/network verdicts, anomalies, inventory), keeps one exclusive action per target (the
 * others shown as alternatives), sizes commitment purchases on what those actions leave, drops savings under the
 * minimum and ranks by {@link dev.costagent.core.recommend.Ranking}. A
 * {@link dev.costagent.core.recommend.model.Recommendation} carries a stable id, monthly (730 h) and annual savings in its
 * billing currency, confidence, risk, effort, evidence, steps and rollback. Rules, thresholds and price sources:
 * {@code docs/recommendations.md}.
 */
package dev.costagent.core.recommend;
