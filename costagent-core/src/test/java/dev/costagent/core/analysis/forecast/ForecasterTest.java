package dev.costagent.core.analysis.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.core.analysis.SyntheticSeries;
import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.series.DayAxis;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForecasterTest {

    private static DailySeries series(LocalDate first, double[] x) {
        return new DailySeries("total", "total", new DayAxis(first, x.length), x);
    }

    @Test
    void exactWeeklyPatternWithTrendIsForecastExactly() {
        double[] x = new double[63];
        for (int d = 0; d < x.length; d++) {
            x[d] = 100 + 2 * d + 10 * SyntheticSeries.WEEKLY[d % 7] * 10;
        }
        Forecast f = Forecaster.ofHorizon(14).forecast(series(LocalDate.of(2024, 7, 1), x));
        assertThat(f.method()).isEqualTo(Forecaster.HOLT_WINTERS);
        for (int h = 1; h <= 14; h++) {
            int d = 62 + h;
            double truth = 100 + 2 * d + 10 * SyntheticSeries.WEEKLY[d % 7] * 10;
            assertThat(f.daily().get(h - 1).value()).as("day +%d", h).isCloseTo(truth, within(1e-6 * truth));
        }
        assertThat(f.parameters().sigma()).isLessThan(1e-6);
    }

    @Test
    void monthToDateIsActualAndEndOfMonthAddsTheRemainingDays() {
        // flat 100 a day from 2024-08-01 to 2024-09-18: 18 days of September so far, 12 to go
        double[] x = new double[49];
        java.util.Arrays.fill(x, 100);
        Forecast f = Forecaster.defaults().forecast(series(LocalDate.of(2024, 8, 1), x));
        assertThat(f.lastActualDate()).isEqualTo(LocalDate.of(2024, 9, 18));
        assertThat(f.monthToDate()).isCloseTo(1800, within(1e-9));
        assertThat(f.remainingDays()).isEqualTo(12);
        assertThat(f.endOfMonth()).isCloseTo(3000, within(1e-6));
        assertThat(f.lower95()).isLessThanOrEqualTo(f.lower80()).isLessThanOrEqualTo(f.endOfMonth());
        assertThat(f.upper95()).isGreaterThanOrEqualTo(f.upper80()).isGreaterThanOrEqualTo(f.endOfMonth());
        assertThat(f.daily()).hasSize(30);
        assertThat(f.nextDays().value()).isCloseTo(3000, within(1e-6));
    }

    @Test
    void intervalsWidenWithNoiseAndHorizonAndNeverGoBelowMonthToDate() {
        Random random = new Random(5);
        double[] quiet = SyntheticSeries.clean(random, 60, 1000, 0, 0.02);
        double[] noisy = SyntheticSeries.clean(random, 60, 1000, 0, 0.20);
        LocalDate first = LocalDate.of(2024, 8, 1);
        Forecast q = Forecaster.defaults().forecast(series(first, quiet));
        Forecast n = Forecaster.defaults().forecast(series(first, noisy));
        assertThat(n.upper95() - n.lower95()).isGreaterThan(3 * (q.upper95() - q.lower95()));
        ForecastPoint day1 = q.daily().get(0);
        ForecastPoint day30 = q.daily().get(29);
        assertThat(day30.upper80() - day30.lower80()).isGreaterThan(day1.upper80() - day1.lower80());
        assertThat(n.lower95()).isGreaterThanOrEqualTo(n.monthToDate());
    }

    @Test
    void shortSeriesFallsBackToTheMeanAndSaysSo() {
        Forecast f = Forecaster.ofHorizon(7).forecast(series(LocalDate.of(2024, 9, 1), new double[] {10, 20, 30}));
        assertThat(f.method()).isEqualTo(Forecaster.DAILY_MEAN);
        assertThat(f.daily().get(0).value()).isEqualTo(20);
        assertThat(f.monthToDate()).isEqualTo(60);
        assertThat(f.endOfMonth()).isCloseTo(60 + 27 * 20, within(1e-9));
        assertThat(f.upper95()).isGreaterThan(f.endOfMonth());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> Forecaster.ofHorizon(0)).hasMessageContaining("1..366");
        assertThatThrownBy(() -> Forecaster.defaults().forecast(series(LocalDate.of(2024, 9, 1), new double[0])))
                .hasMessageContaining("empty series");
        assertThatThrownBy(() -> Forecaster.backtest(new double[20], 14, 7, 1)).hasMessageContaining("too short");
    }

    /**
     * Rolling-origin backtest on seeded synthetic series (weekly pattern ±20%, mild trend, 5% Gaussian noise):
     * 7-day horizon, origins every 3 days from day 28. Pins MAPE and checks that the intervals are calibrated.
     */
    @Test
    void backtestMapeIsPinnedAndIntervalsAreCalibrated() {
        Random random = new Random(2024);
        double mape = 0;
        double c80 = 0;
        double c95 = 0;
        int runs = 20;
        for (int s = 0; s < runs; s++) {
            double[] y = SyntheticSeries.clean(
                    random, 120, 500 + 1000 * random.nextDouble(), (random.nextDouble() - 0.3) * 0.004, 0.05);
            Backtest b = Forecaster.backtest(y, 28, 7, 3);
            mape += b.mape() / runs;
            c80 += b.coverage80() / runs;
            c95 += b.coverage95() / runs;
        }
        System.out.printf(
                Locale.ROOT,
                "forecast backtest (synthetic, noise 5%%): MAPE=%.2f%% coverage80=%.3f " + "coverage95=%.3f%n",
                mape,
                c80,
                c95);
        assertThat(mape).isLessThan(6.0);
        assertThat(c80).isBetween(0.72, 0.88);
        assertThat(c95).isBetween(0.90, 0.99);
    }
}
