/**
 * Where the money goes and how it moves: breakdowns with shares, week-over-week and month-over-month changes, the
 * slope per day with its standard error, and the top movers between two periods, whose contributions add up exactly
 * to the total change.
 *
 * <p>The entry type is {@link dev.costagent.core.analysis.trend.TrendAnalyzer}.
 */
package dev.costagent.core.analysis.trend;
