package dev.costagent.core.analysis.forecast;

/**
 * How well the forecaster did on history: for each origin, fit on the days before it and forecast the next
 * {@code horizon} days; compare with what happened.
 *
 * @param origins how many origins were tried
 * @param horizon days forecast from each origin
 * @param points forecast days compared (with a non-zero actual, for MAPE)
 * @param mape mean absolute percentage error, in percent
 * @param coverage80 share of actual days inside the 80% interval
 * @param coverage95 share of actual days inside the 95% interval
 */
public record Backtest(int origins, int horizon, int points, double mape, double coverage80, double coverage95) {}
