/**
 * Daily cost series, the raw material of every time-based analysis: one {@code double[]} per value of a dimension
 * over a common day axis, missing days as zero.
 *
 * <p>The entry type is {@link dev.costagent.core.analysis.series.DailySeriesReader}; what is counted is a
 * {@link dev.costagent.core.analysis.series.SeriesScope} (metric, filters, time range), by default EffectiveCost of
 * {@code ChargeCategory = Usage} rows, so purchases, credits, tax and refunds do not look like anomalies.
 */
package dev.costagent.core.analysis.series;
