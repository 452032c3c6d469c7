/**
 * Cost forecasts with weekly seasonality and prediction intervals from the model's own errors.
 *
 * <p>The entry type is {@link dev.costagent.core.analysis.forecast.Forecaster}. The model is additive Holt-Winters
 * with a damped trend and a 7-day season, in state-space error-correction form (ETS(A,Ad,A)), fitted by a grid search
 * minimising one-step squared errors. Chosen over STL + ETS because cost series are short (weeks to months), the
 * weekly pattern is additive in practice, and the ETS form gives exact prediction-interval variances for single days
 * and for sums of days (month end, next N days). Intervals are never a fixed percentage: they come from the variance
 * of the one-step errors propagated through the model. A {@link dev.costagent.core.analysis.forecast.Backtest} measures
 * rolling-origin MAPE and interval coverage.
 */
package dev.costagent.core.analysis.forecast;
