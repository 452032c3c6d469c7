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
        // a huge score (50 / (2% of 80)), but half a mean day of the scope's spend: graded MEDIUM, not HIGH
        assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
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
    void aSeriesThatStartsIsNewSpendOnceNotAnAnomalyEachDayItRuns() {
        double[] x = new double[45];
        java.util.Arrays.fill(x, 29, 45, 500);
        assertThat(AnomalyDetector.defaults().detect(series(x))).singleElement().satisfies(a -> {
            assertThat(a.date()).isEqualTo(MONDAY.plusDays(29));
            assertThat(a.impactPercent()).isNull();
            assertThat(a.expected()).isZero();
        });
    }

    @Test
    void newCostInAScopeWithHistoryIsAnAnomalyGradedByTheScopesSpend() {
        double[] x = new double[30];
        java.util.Arrays.fill(x, 100);
        x[29] = 600; // five mean days of spend at once
        List<Anomaly> found = AnomalyDetector.defaults().detect(series(x));
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.impact()).isCloseTo(500, within(1e-9));
            assertThat(a.kind()).isEqualTo(AnomalyKind.RISE);
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void aCentIsNeverAnAnomalyWhateverItsScore() {
        double[] x = new double[40];
        java.util.Arrays.fill(x, 0.01);
        x[35] = 0.05; // five times its level, below the 1.00 floor
        assertThat(AnomalyDetector.defaults().detect(series(x))).isEmpty();
        // it is the floor, not the score, that keeps it out
        assertThat(AnomalyDetector.builder().minImpactDollars(0.01).build().detect(series(x)))
                .hasSize(1);
    }

    @Test
    void sensitivityChangesWhatCounts() {
        Random random = new Random(3);
        double[] x = SyntheticSeries.clean(random, 60, 1000, 0, 0.05);
        x[40] *= 1.35; // about 7 noise sigmas, 5 prediction sigmas
        assertThat(AnomalyDetector.builder()
                        .sensitivity(Sensitivity.HIGH)
                        .build()
                        .detect(series(x)))
                .extracting(Anomaly::date)
                .contains(MONDAY.plusDays(40));
        assertThat(AnomalyDetector.builder()
                        .sensitivity(Sensitivity.LOW)
                        .build()
                        .detect(series(x)))
                .extracting(Anomaly::date)
                .doesNotContain(MONDAY.plusDays(40));
    }

    @Test
    void badConfigurationIsRejectedWithAOneLineReason() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AnomalyDetector.builder().dimensions(List.of(dev.costagent.core.table.Dimension.DAY)))
                .hasMessageContaining("time dimension");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AnomalyDetector.builder()
                        .rootCauseDimensions(List.of(
                                dev.costagent.core.table.Dimension.column("SkuId"),
                                dev.costagent.core.table.Dimension.column("SkuId"))))
                .hasMessageContaining("repeat");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AnomalyDetector.builder().threshold(0))
                .hasMessageContaining("positive");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AnomalyDetector.builder().lookbackDays(7))
                .hasMessageContaining("14..364");
    }

    @Test
    void firstFourteenDaysAreNeverJudged() {
        double[] x = new double[20];
        java.util.Arrays.fill(x, 100);
        x[10] = 1000;
        x[13] = 1000;
        x[19] = 1000;
        assertThat(AnomalyDetector.defaults().detect(series(x)))
                .extracting(Anomaly::date)
                .containsExactly(MONDAY.plusDays(19));
    }
}
