package dev.costagent.core.analysis.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.core.analysis.SyntheticSeries;
import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.series.DayAxis;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {
    private static final LocalDate MONDAY = LocalDate.of(2024, 1, 1);

    private static DailySeries series(double[] x) {
        return new DailySeries("ServiceName", "EC2", new DayAxis(MONDAY, x.length), x);
    }

    @Test
    void weeklyPatternAloneIsNotAnomalous() {
        double[] x = new double[70];
        for (int d = 0; d < x.length; d++) {
            x[d] = 100 * (1 + SyntheticSeries.WEEKLY[d % 7]); // weekends 20% lower, exactly repeating
        }
        assertThat(AnomalyDetector.defaults().detect(series(x))).isEmpty();
    }

    @Test
    void spikeOnAQuietWeekendDayIsFoundWithExpectedAndImpact() {
        double[] x = new double[42];
        for (int d = 0; d < x.length; d++) {
            x[d] = 100 * (1 + SyntheticSeries.WEEKLY[d % 7]);
        }
        x[33] = 130; // a Sunday: expected 80, so +50 (+62.5%), though 130 is an ordinary weekday value
        List<Anomaly> found = AnomalyDetector.defaults().detect(series(x));
        assertThat(found).hasSize(1);
        Anomaly a = found.get(0);
        assertThat(a.date()).isEqualTo(MONDAY.plusDays(33));
        assertThat(a.actual()).isEqualTo(130);
        assertThat(a.expected()).isCloseTo(80, within(1e-9));
        assertThat(a.impact()).isCloseTo(50, within(1e-9));
        assertThat(a.impactPercent()).isCloseTo(62.5, within(1e-9));
        assertThat(a.severity()).isEqualTo(Severity.HIGH); // score 50 / (2% of 80) far beyond 3 x threshold
        assertThat(a.isSpike()).isTrue();
    }

    @Test
    void earlierAnomaliesDoNotMaskLaterOnes() {
        Random random = new Random(7);
        double[] x = SyntheticSeries.clean(random, 60, 1000, 0, 0.03);
        x[20] *= 3; // a big spike in the baseline of the next one
        x[27] *= 0.3; // a drop one week later, same weekday
        List<Anomaly> found = AnomalyDetector.defaults().detect(series(x));
        assertThat(found).extracting(a -> a.date()).containsExactly(MONDAY.plusDays(20), MONDAY.plusDays(27));
        assertThat(found.get(1).impact()).isNegative();
    }

    @Test
    void trendIsFollowedNotFlagged() {
        Random random = new Random(11);
        double[] x = SyntheticSeries.clean(random, 120, 1000, 0.01, 0.02); // +1% per day, doubling over 100 days
        assertThat(AnomalyDetector.defaults().detect(series(x))).isEmpty();
    }

    @Test
    void newCostFromZeroIsAnAnomalyWithoutAPercentage() {
        double[] x = new double[30];
        x[29] = 500;
        List<Anomaly> found = AnomalyDetector.builder().minImpactDollars(1).build().detect(series(x));
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.impactPercent()).isNull();
            assertThat(a.expected()).isZero();
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void sensitivityChangesWhatCounts() {
        Random random = new Random(3);
        double[] x = SyntheticSeries.clean(random, 60, 1000, 0, 0.05);
        x[40] *= 1.35; // about 7 noise sigmas, 5 prediction sigmas
        assertThat(AnomalyDetector.builder().sensitivity(Sensitivity.HIGH).build().detect(series(x)))
                .extracting(Anomaly::date).contains(MONDAY.plusDays(40));
        assertThat(AnomalyDetector.builder().sensitivity(Sensitivity.LOW).build().detect(series(x)))
                .extracting(Anomaly::date).doesNotContain(MONDAY.plusDays(40));
    }

    @Test
    void firstFourteenDaysAreNeverJudged() {
        double[] x = new double[20];
        java.util.Arrays.fill(x, 100);
        x[10] = 1000;
        x[13] = 1000;
        x[19] = 1000;
        assertThat(AnomalyDetector.defaults().detect(series(x))).extracting(Anomaly::date)
                .containsExactly(MONDAY.plusDays(19));
    }
}
