/**
 * Cost anomalies on daily series: seasonality-aware, robust detection, with root causes ranked by their dollar
 * contribution to each anomaly's impact.
 *
 * <p>The entry type is {@link dev.costagent.core.analysis.anomaly.AnomalyDetector} (configured by its builder). A day
 * is judged against a weekly-seasonal, median-based expectation from the days before it only (see
 * {@code SeasonalBaseline}); its score is (actual − expected) / robust scale (MAD). It is an anomaly when the
 * score passes the sensitivity's threshold and the impact is material (percent and dollars). Fewer than 14 days of
 * history give an explicit {@link dev.costagent.core.analysis.anomaly.AnomalyScan.Status#INSUFFICIENT_HISTORY}.
 */
package dev.costagent.core.analysis.anomaly;
