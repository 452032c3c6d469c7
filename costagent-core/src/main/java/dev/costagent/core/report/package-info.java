/**
 * Renders a {@link dev.costagent.core.agent.Report} as JSON, Markdown or a self-contained HTML page.
 *
 * <p>The entry type is {@link dev.costagent.core.report.ReportWriter}. The JSON schema (version
 * {@value dev.costagent.core.agent.Report#SCHEMA_VERSION}) is stable: keys are only ever added, never renamed or
 * removed, within a schema version.
 * <pre>
 * {
 *   "schemaVersion": "1", "runId": "...", "generatedAt": "2024-10-01T00:00:00Z",
 *   "summary": {"rows", "currency", "totalCost", "firstDay", "lastDay", "recommendations", "monthlySavings",
 *               "annualSavings", "quickWins"},
 *   "overview": {"daily": [{"date", "cost"}], "forecast": [{"date", "expected", "lower80", "upper80", "lower95",
 *                "upper95"}], "anomalies": [{"date", "dimension", "value", "impact", "severity"}],
 *                "topServices": [{"service", "cost", "share"}]},
 *   "analyses": {"metric", "scope", "firstDay", "lastDay", "days", "total", "breakdowns", "trends",
 *                "forecast": {"monthToDate", "endOfMonth", "lower80", "upper80", "lower95", "upper95", ...},
 *                "anomalies": [{"dimension", "value", "date", "actual", "expected", "impact", "severity",
 *                               "rootCauses": [...], ...}],
 *                "anomalyStatus", "anomalyMethod", "commitments", "utilization", "warnings"},
 *   "utilization": [{"resourceId", "verdict", "p50", "p95", "p99", "max", "samples", "span", "bursty", "reason"}],
 *   "recommendations": [{"id", "type", "resourceId", "title", "currentMonthlyCost", "monthlySavings",
 *                        "annualSavings", "confidence", "risk", "riskFactors", "effort", "horizon", "score",
 *                        "evidence": {"rule", "formula", "inputs": {...}}, "steps", "rollback"}],
 *   "narratives": [{"subject", "text", "source"}],
 *   "timings": [{"stage", "millis", "cached"}],
 *   "warnings": ["..."],
 *   "dataQuality": [...],
 *   "llmUsage": {"provider", "model", "calls", "cacheHits", "inputTokens", "cachedInputTokens", "outputTokens",
 *                "estimatedCostUsd", "priceSource", "priceAsOf", "unpricedModels", "narratives", "disabledReason"}
 *               (analyze --format json only)
 * }
 * </pre>
 * Money is in the billing currency, monthly means 730 hours, {@code source} is {@code template} or {@code model}.
 */
package dev.costagent.core.report;
