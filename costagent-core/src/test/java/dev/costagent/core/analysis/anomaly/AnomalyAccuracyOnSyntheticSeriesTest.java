package dev.costagent.core.analysis.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.analysis.SyntheticSeries;
import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.series.DayAxis;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Precision and recall of the detector on seeded series with weekly seasonality, a mild trend and Gaussian noise, and
 * spikes and drops planted at 8 noise-sigmas or more (at least 30%). A detection is a true positive when it falls on
 * a planted day.
 */
class AnomalyAccuracyOnSyntheticSeriesTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @ParameterizedTest(name = "noise {0}")
    @ValueSource(doubles = {0.0, 0.02, 0.05, 0.10})
    void precisionAndRecallAtLeastNinetyPercent(double noise) {
        Random random = new Random(42 + (long) (noise * 1000));
        AnomalyDetector detector = AnomalyDetector.defaults();
        int planted = 0;
        int truePositives = 0;
        int detections = 0;
        int falsePositivesClean = 0;
        for (int s = 0; s < 12; s++) {
            double trend = (random.nextDouble() - 0.3) * 0.004;
            SyntheticSeries.Labelled l = SyntheticSeries.withAnomalies(
                    random, 90, 100 + 1000 * random.nextDouble(), trend, noise, 3, Math.max(0.3, 8 * noise), 8);
            DailySeries series = new DailySeries("ServiceName", "s" + s, new DayAxis(START, 90), l.values());
            List<Anomaly> found = detector.detect(series);
            planted += l.planted().size();
            detections += found.size();
            for (SyntheticSeries.Planted p : l.planted()) {
                if (found.stream().anyMatch(a -> ChronoUnit.DAYS.between(START, a.date()) == p.day())) {
                    truePositives++;
                }
            }
            double[] clean = SyntheticSeries.clean(random, 90, 500, trend, noise);
            falsePositivesClean += detector.detect(
                            new DailySeries("ServiceName", "c" + s, new DayAxis(START, 90), clean))
                    .size();
        }
        double precision = detections == 0 ? 1 : (double) truePositives / detections;
        double recall = (double) truePositives / planted;
        System.out.printf(
                Locale.ROOT,
                "anomaly accuracy (synthetic) noise=%.2f planted=%d detected=%d tp=%d "
                        + "precision=%.3f recall=%.3f falsePositivesOnClean=%d over %d series-days%n",
                noise,
                planted,
                detections,
                truePositives,
                precision,
                recall,
                falsePositivesClean,
                12 * 76);
        assertThat(planted).isGreaterThanOrEqualTo(30);
        assertThat(precision).isGreaterThanOrEqualTo(0.9);
        assertThat(recall).isGreaterThanOrEqualTo(0.9);
    }
}
