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

    /**
     * A clean generated account (seed 103, noise 0.20: one on-demand instance, every day drawn independently): a low
     * week pulled the fit's level and trend below all three earlier Saturdays (expected 8.3 against 9.5 / 9.7 / 9.9),
     * so Saturday day 26 at 14.6 scored 5.2 against the fit; against the Saturday median it scores 3.8.
     */
    private static final double[] CLEAN_ACCOUNT = {
        19.97, 17.58, 14.28, 15.84, 17.46, 9.51, 13.75, 18.86, 16.21, 18.24, 16.41, 16.96, 9.72, 13.82, 19.37, 15.92,
        17.27, 16.20, 15.91, 9.90, 11.27, 15.13, 13.92, 17.75, 13.66, 17.70, 14.64, 12.52, 15.58, 15.53, 15.96, 16.80,
        17.20, 10.49, 11.90, 20.33, 20.33, 19.01, 14.61, 20.13, 12.52, 11.95, 19.78, 19.90, 17.18, 17.10, 16.62, 12.23,
        14.44, 18.99, 14.73, 15.13, 18.57, 17.44, 13.93, 11.45, 19.42, 13.79, 18.70, 20.59
    };

    @Test
    void aDayOrdinaryForItsWeekdayIsNotAnAnomalyWhenTheFitWasOffByNoise() {
        assertThat(AnomalyDetector.defaults().detect(series(CLEAN_ACCOUNT))).isEmpty();
    }

    @Test
    void aRealSpikeOnThatDayStandsOutAgainstBoth() {
        double[] x = CLEAN_ACCOUNT.clone();
        x[26] = 2.5 * 9.72; // two and a half times the Saturday median
        assertThat(AnomalyDetector.defaults().detect(series(x)))
                .extracting(Anomaly::date)
                .containsExactly(MONDAY.plusDays(26));
    }

    @Test
    void aDropDaysAfterALevelShiftIsJudgedByTheFitNotByTheStaleWeekdayMedian() {
        // a generated account (seed 101, noise 0.10, planted anomalies): level shift +75 % on day 30 (a Wednesday),
        // planted drop on Sunday day 34 (104.8 against a fit of 197); the Sunday median of the 4 weeks before is
        // still ~120, the old level, so the weekday check must step aside when the fit has moved that far from it
        double[] x = {
            124.05, 119.59, 118.43, 115.34, 118.31, 113.74, 116.35, 128.86, 119.15, 122.39, 123.78, 121.32, 117.03,
            114.45, 129.79, 121.98, 118.72, 117.54, 120.90, 117.37, 116.54, 119.45, 123.38, 126.15, 123.09, 127.85,
            130.55, 121.31, 122.09, 123.31, 212.27, 206.41, 242.41, 213.80, 104.83, 205.32, 276.32, 216.51, 216.83,
            209.06, 206.40, 210.93, 211.05, 204.98, 245.11, 209.37, 229.41, 199.18, 204.85, 203.42, 230.08, 222.55,
            240.66, 209.67, 203.38, 205.47, 231.67, 204.38, 206.29, 214.98
        };
        List<Anomaly> found = AnomalyDetector.defaults().detect(series(x));
        assertThat(found).anySatisfy(a -> {
            assertThat(a.date()).isEqualTo(MONDAY.plusDays(34));
            assertThat(a.impact()).isNegative();
        });
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
