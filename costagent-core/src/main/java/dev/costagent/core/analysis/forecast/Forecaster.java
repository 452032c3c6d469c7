package dev.costagent.core.analysis.forecast;

import dev.costagent.core.analysis.series.DailySeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Forecasts a daily cost series: month-to-date, end of month and the next N days, with 80% and 95% prediction
 * intervals (see the package documentation for the model). With fewer than 14 days it falls back to the mean daily
 * cost with intervals from the days' standard deviation, and says so in {@link Forecast#method()}. Immutable and
 * thread-safe.
 */
public final class Forecaster {
    /** The model name reported for the seasonal model. */
    public static final String HOLT_WINTERS = "holt-winters-additive-damped (ETS(A,Ad,A), season 7)";
    /** The model name reported for short series. */
    public static final String DAILY_MEAN = "daily-mean (fewer than 14 days of history)";

    private final int horizonDays;

    private Forecaster(int horizonDays) {
        this.horizonDays = horizonDays;
    }

    /** A forecaster of the next {@code horizonDays} days (1 to 366) besides the month end. */
    public static Forecaster ofHorizon(int horizonDays) {
        if (horizonDays < 1 || horizonDays > 366) {
            throw new IllegalArgumentException("forecast horizon must be 1..366 days: " + horizonDays);
        }
        return new Forecaster(horizonDays);
    }

    /** A 30-day forecaster. */
    public static Forecaster defaults() {
        return ofHorizon(30);
    }

    /** The horizon in days. */
    public int horizonDays() {
        return horizonDays;
    }

    /** Forecasts a series; it must have at least one day. */
    public Forecast forecast(DailySeries series) {
        return forecast(series, false);
    }

    /**
     * Forecasts a series whose last day may be partial (an export cut mid-day): such a day is left out of the fit and
     * forecast as a whole day, at least what it already cost; month to date still counts what it cost so far.
     *
     * @param lastDayPartial whether the series' last day holds only part of the day's rows
     */
    public Forecast forecast(DailySeries series, boolean lastDayPartial) {
        int n = series.axis().days();
        if (n == 0) {
            throw new IllegalArgumentException("cannot forecast an empty series (" + series.dimension() + ")");
        }
        double[] y = series.values();
        LocalDate last = series.axis().last();
        int remaining = last.lengthOfMonth() - last.getDayOfMonth();
        double monthToDate = 0;
        for (int i = n - 1;
                i >= 0
                        && series.axis().day(i).getMonth() == last.getMonth()
                        && series.axis().day(i).getYear() == last.getYear();
                i--) {
            monthToDate += y[i];
        }
        // a partial last day is not fitted (it would read as a drop and drag the level down); the model's step 1 is
        // then that day itself, and the days after it are steps 2 on
        boolean partial = lastDayPartial && n > 1;
        int fitted = partial ? n - 1 : n;
        int shift = partial ? 1 : 0;
        double partialSoFar = partial ? y[n - 1] : 0;
        Model model = fitted >= 2 * HoltWinters.SEASON ? new Seasonal(HoltWinters.fit(y, fitted)) : new Mean(y, fitted);

        List<ForecastPoint> daily = new ArrayList<>(horizonDays);
        for (int h = 1; h <= horizonDays; h++) {
            daily.add(ForecastPoint.of(last.plusDays(h), model.point(h + shift), model.variance(h + shift), 0));
        }
        // the partial day's missing part: its whole-day forecast less what it already cost (never negative)
        double partialRest = partial ? Math.max(0, model.point(1) - partialSoFar) : 0;
        double restOfMonth = partialRest;
        for (int h = 1; h <= remaining; h++) {
            restOfMonth += model.point(h + shift);
        }
        int monthSteps = remaining + shift;
        ForecastPoint month = ForecastPoint.of(
                last.plusDays(remaining),
                monthToDate + restOfMonth,
                monthSteps == 0 ? 0 : model.sumVariance(monthSteps),
                monthToDate);
        double nextSum = 0;
        for (int h = 1; h <= horizonDays; h++) {
            nextSum += model.point(h + shift);
        }
        ForecastPoint next =
                ForecastPoint.of(last.plusDays(horizonDays), nextSum, model.sumVariance(horizonDays + shift), 0);
        return new Forecast(
                model.name(),
                model.parameters(),
                last,
                monthToDate,
                month.value(),
                month.lower80(),
                month.upper80(),
                month.lower95(),
                month.upper95(),
                remaining,
                next,
                daily);
    }

    /**
     * Rolling-origin backtest: origins every {@code step} days from {@code minTrain} on, each fitting the days before
     * it and forecasting the next {@code horizon} days.
     */
    public static Backtest backtest(double[] y, int minTrain, int horizon, int step) {
        if (minTrain < 2 * HoltWinters.SEASON || horizon < 1 || step < 1) {
            throw new IllegalArgumentException("backtest needs minTrain >= 14, horizon >= 1, step >= 1");
        }
        int origins = 0;
        int points = 0;
        int counted = 0;
        double ape = 0;
        int in80 = 0;
        int in95 = 0;
        for (int origin = minTrain; origin + horizon <= y.length; origin += step) {
            HoltWinters model = HoltWinters.fit(y, origin);
            origins++;
            for (int h = 1; h <= horizon; h++) {
                double actual = y[origin + h - 1];
                ForecastPoint p = ForecastPoint.of(null, model.point(h), model.variance(h), 0);
                points++;
                in80 += p.covers80(actual) ? 1 : 0;
                in95 += p.covers95(actual) ? 1 : 0;
                if (actual != 0) {
                    ape += Math.abs(actual - p.value()) / Math.abs(actual);
                    counted++;
                }
            }
        }
        if (origins == 0) {
            throw new IllegalArgumentException("series of " + y.length + " days too short for a backtest with "
                    + minTrain + " training days and a " + horizon + "-day horizon");
        }
        return new Backtest(
                origins,
                horizon,
                counted,
                100 * ape / Math.max(1, counted),
                (double) in80 / points,
                (double) in95 / points);
    }

    /** What both models offer the forecaster. */
    private interface Model {
        double point(int h);

        double variance(int h);

        double sumVariance(int horizon);

        String name();

        Forecast.Parameters parameters();
    }

    private record Seasonal(HoltWinters hw) implements Model {
        public double point(int h) {
            return hw.point(h);
        }

        public double variance(int h) {
            return hw.variance(h);
        }

        public double sumVariance(int horizon) {
            return hw.sumVariance(horizon);
        }

        public String name() {
            return HOLT_WINTERS;
        }

        public Forecast.Parameters parameters() {
            return new Forecast.Parameters(hw.alpha, hw.beta, hw.gamma, hw.phi, Math.sqrt(hw.sigma2), hw.n);
        }
    }

    /** Independent days around their mean: a day's variance is s², a sum of H days' is H·s² (plus the mean's). */
    private static final class Mean implements Model {
        private final double mean;
        private final double variance;
        private final int n;

        Mean(double[] y, int n) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += y[i];
            }
            this.mean = sum / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += (y[i] - mean) * (y[i] - mean);
            }
            this.variance = n > 1 ? ss / (n - 1) : 0;
            this.n = n;
        }

        public double point(int h) {
            return mean;
        }

        public double variance(int h) {
            return variance * (1 + 1.0 / n);
        }

        public double sumVariance(int horizon) {
            return variance * horizon + variance * horizon * horizon / n;
        }

        public String name() {
            return DAILY_MEAN;
        }

        public Forecast.Parameters parameters() {
            return new Forecast.Parameters(0, 0, 0, 0, Math.sqrt(variance), n);
        }
    }
}
