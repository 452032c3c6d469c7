/**
 * Cost anomalies on daily series: seasonality-aware, robust detection, with root causes ranked by their dollar
 * contribution to each anomaly's impact.
 *
 * <p>The entry type is {@link dev.costagent.core.analysis.anomaly.AnomalyDetector} (configured by its builder). A day
 * is judged against a weekly-seasonal, median-based expectation from the days before it only (see
 * {@code SeasonalBaseline}); its score is (actual − expected) / robust scale (MAD). It is an anomaly when the
 * score passes the sensitivity's threshold and the impact is material: above max(1.00 in the billing currency, 1% of
 * the scope's mean daily spend). Series that start late (cold start) or run intermittently ({@code IntermittentDemand})
 * are judged by their own rules, and detections that nest or run over consecutive days become one event
 * ({@code EventGrouper}), a rise or a drop. Fewer than 14 days of history give an explicit
 * {@link dev.costagent.core.analysis.anomaly.AnomalyScan.Status#INSUFFICIENT_HISTORY}. See {@code docs/analyses.md}.
 */
package dev.costagent.core.analysis.anomaly;
