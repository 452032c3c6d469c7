package dev.costagent.datagen.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.analysis.forecast.Backtest;
import dev.costagent.core.analysis.forecast.Forecaster;
import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.series.DailySeriesReader;
import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.table.CostTable;
import dev.costagent.datagen.GeneratorSpec;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Rolling-origin backtest of the forecaster on the generator's daily Usage total (90 days, noise 0.10, no
 * anomalies): origins every 2 days from day 28, 7-day horizon. Pins MAPE; checks the intervals are not too narrow.
 */
class ForecastBacktestOnGeneratedBillTest {

    @Test
    void mapeOnGeneratedBillIsPinned() {
        CostTable table = CostTable.of(GeneratorSpec.builder()
                .seed(7)
                .rows(60_000)
                .days(90)
                .start(LocalDate.of(2024, 6, 1))
                .noise(0.10)
                .generator());
        DailySeries total = new DailySeriesReader(table, SeriesScope.usage()).total();
        assertThat(total.axis().days()).isEqualTo(90);
        Backtest b = Forecaster.backtest(total.values(), 28, 7, 2);
        System.out.printf(
                Locale.ROOT,
                "forecast backtest (generated bill, 90 days, noise 0.10): origins=%d "
                        + "points=%d MAPE=%.2f%% coverage80=%.3f coverage95=%.3f%n",
                b.origins(),
                b.points(),
                b.mape(),
                b.coverage80(),
                b.coverage95());
        assertThat(b.points()).isGreaterThan(150);
        assertThat(b.mape()).isLessThan(3.0);
        assertThat(b.coverage95()).isGreaterThan(0.85);
    }
}
