/**
 * The analyses a FinOps engineer trusts, each with a documented method and a measured accuracy: daily series,
 * trends, forecasts, anomalies with root causes, commitment coverage and utilization, and utilization verdicts.
 *
 * <p>The entry type is {@link dev.costagent.core.analysis.Analyzer}: configure it with its builder, give it a
 * {@link dev.costagent.core.table.QueryEngine}, and get an immutable, JSON-serializable
 * {@link dev.costagent.core.analysis.AnalysisReport}. Analyses read data only through
 * {@link dev.costagent.core.table.CostQuery} grouped sums, so they run unchanged on any engine that executes them.
 * Sub-packages by capability: {@code series}, {@code trend}, {@code forecast}, {@code anomaly}, {@code commitment},
 * {@code utilization}.
 */
package dev.costagent.core.analysis;
