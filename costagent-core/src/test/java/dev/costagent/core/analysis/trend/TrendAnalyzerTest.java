package dev.costagent.core.analysis.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.core.analysis.ListQueryEngine;
import dev.costagent.core.analysis.SyntheticBill;
import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.series.DailySeriesReader;
import dev.costagent.core.analysis.series.DailySeriesSet;
import dev.costagent.core.analysis.series.DayAxis;
import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.table.Dimension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrendAnalyzerTest {

    private static DailySeries total(LocalDate first, double[] x) {
        return new DailySeries("total", "total", new DayAxis(first, x.length), x);
    }

    @Test
    void weekOverWeekAndMonthOverMonthCompareLikeWithLike() {
        double[] x = new double[48]; // 2024-08-01 .. 2024-09-17
        for (int i = 0; i < x.length; i++) {
            x[i] = i < 31 ? 10 : 12; // August 10 a day, September 12 a day
        }
        DailySeries t = total(LocalDate.of(2024, 8, 1), x);
        Trends trends = TrendAnalyzer.defaults().analyze(t, new DailySeriesSet("total", t.axis(), List.of(t)));
        PeriodChange mom = trends.monthOverMonth();
        assertThat(mom.currentFrom()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(mom.currentTo()).isEqualTo(LocalDate.of(2024, 9, 17));
        assertThat(mom.previousTo()).isEqualTo(LocalDate.of(2024, 8, 17));
        assertThat(mom.current()).isEqualTo(17 * 12);
        assertThat(mom.previous()).isEqualTo(17 * 10);
        assertThat(mom.changePercent()).isCloseTo(20, within(1e-9));
        PeriodChange wow = trends.weekOverWeek();
        assertThat(wow.current()).isEqualTo(84);
        assertThat(wow.previous()).isEqualTo(84);
        assertThat(wow.changePercent()).isZero();
    }

    @Test
    void slopeRecoversALineAndItsStandardErrorShrinksWithLessNoise() {
        Random random = new Random(1);
        double[] noisy = new double[28];
        double[] quiet = new double[28];
        for (int i = 0; i < 28; i++) {
            double e = random.nextGaussian();
            noisy[i] = 100 + 3 * i + 5 * e;
            quiet[i] = 100 + 3 * i + 0.5 * e;
        }
        Slope s = Slope.fit(noisy, 0, 28);
        assertThat(s.perDay()).isCloseTo(3, within(3 * s.standardError()));
        // textbook: SE = σ / sqrt(Σ(x - x̄)²) = 5 / sqrt(1827) ≈ 0.117
        assertThat(s.standardError()).isBetween(0.06, 0.2);
        assertThat(Slope.fit(quiet, 0, 28).standardError()).isCloseTo(s.standardError() / 10, within(1e-9));
        assertThat(s.tStatistic()).isGreaterThan(10);
    }

    @Test
    void topMoversAddUpExactlyToTheTotalChangeAndMatchTheEngine() {
        ListQueryEngine engine =
                new ListQueryEngine(SyntheticBill.rows(LocalDate.of(2024, 9, 1), 21, 0.3, 9, List.of()));
        Dimension resource = Dimension.column("ResourceId");
        DailySeriesSet set = new DailySeriesReader(engine, SeriesScope.usage()).byDimension(resource);
        TopMovers m = TrendAnalyzer.topMovers(set, 7, 14, 14, 21, 5);
        assertThat(m.movers()).hasSize(5);
        BigDecimal sum = m.others().change();
        for (TopMovers.Mover mover : m.movers()) {
            sum = sum.add(mover.change());
        }
        assertThat(sum).isEqualByComparingTo(m.totalChange()); // exactly, not approximately
        double perWeek = set.total().sum(14, 21) - set.total().sum(7, 14);
        assertThat(m.totalChange().doubleValue()).isCloseTo(perWeek, within(1e-6));
        // largest absolute changes first
        assertThat(m.movers().get(0).change().abs())
                .isGreaterThanOrEqualTo(m.movers().get(4).change().abs());

        // the query form over the same periods gives the same total change
        TopMovers q = TrendAnalyzer.topMovers(
                engine,
                SeriesScope.usage(),
                resource,
                LocalDate.of(2024, 9, 8),
                LocalDate.of(2024, 9, 15),
                LocalDate.of(2024, 9, 15),
                LocalDate.of(2024, 9, 22),
                5);
        assertThat(q.totalChange().doubleValue()).isCloseTo(perWeek, within(1e-5));
        assertThat(q.movers())
                .extracting(TopMovers.Mover::value)
                .containsExactlyElementsOf(
                        m.movers().stream().map(TopMovers.Mover::value).toList());
    }

    @Test
    void breakdownSharesSumToOneAndMatchAGroupedQuery() {
        ListQueryEngine engine =
                new ListQueryEngine(SyntheticBill.rows(LocalDate.of(2024, 9, 1), 10, 0.1, 3, List.of()));
        Breakdown b = TrendAnalyzer.breakdown(engine, SeriesScope.usage(), Dimension.column("ServiceName"));
        assertThat(b.items()).extracting(Breakdown.Item::value).containsExactly("EC2", "RDS", "S3");
        assertThat(b.items().stream().mapToDouble(Breakdown.Item::share).sum()).isCloseTo(1, within(1e-12));
        Breakdown fromSeries = TrendAnalyzer.breakdown(
                new DailySeriesReader(engine, SeriesScope.usage()).byDimension(Dimension.column("ServiceName")));
        assertThat(fromSeries.total()).isCloseTo(b.total(), within(1e-9));
    }
}
