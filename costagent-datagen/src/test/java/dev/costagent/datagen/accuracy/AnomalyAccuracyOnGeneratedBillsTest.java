package dev.costagent.datagen.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.analysis.anomaly.Anomaly;
import dev.costagent.core.analysis.anomaly.AnomalyDetector;
import dev.costagent.core.analysis.anomaly.AnomalyScan;
import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.table.TimeRange;
import dev.costagent.datagen.AnomalyType;
import dev.costagent.datagen.BillingGenerator;
import dev.costagent.datagen.GeneratorSpec;
import dev.costagent.datagen.PlantedAnomaly;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the default anomaly scan (total, ServiceName, SubAccountId, RegionId) on the generator's
 * labelled anomalies, at three noise levels, and the false-positive count on the same bills without anomalies.
 *
 * <ul>
 *   <li>Recall: a planted spike or drop counts as found when the scan reports an anomaly on its exact dimension,
 *       value and day, in its direction.</li>
 *   <li>Precision: a reported anomaly is correct when it is explained by a planted anomaly: same day (or within
 *       the 7 days from the start of a level shift), same direction, and its series contains cost of the planted
 *       value that day (a service spike also moves the total, its accounts and regions).</li>
 * </ul>
 */
class AnomalyAccuracyOnGeneratedBillsTest {
    private static final double[] NOISE = {0.02, 0.10, 0.20};
    /** {@code -DdebugAnomalies} prints the ground truth and every unexplained detection. */
    private static final boolean DEBUG = System.getProperty("debugAnomalies") != null;

    private static final int PLANTED_PER_BILL = 15;

    private static GeneratorSpec.Builder spec(double noise, long seed) {
        return GeneratorSpec.builder()
                .seed(seed)
                .rows(50_000)
                .days(60)
                .start(LocalDate.of(2024, 7, 1))
                .noise(noise);
    }

    @Test
    void precisionAndRecallOnLabelledSpikesAndDropsAtSeveralNoiseLevels() {
        AnomalyDetector detector = AnomalyDetector.defaults();
        int planted = 0;
        int found = 0;
        int detections = 0;
        int explained = 0;
        int shifts = 0;
        int shiftsFound = 0;
        int falsePositivesClean = 0;
        int seriesDaysClean = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < NOISE.length; i++) {
            BillingGenerator generator =
                    spec(NOISE[i], 100 + i).randomAnomalies(PLANTED_PER_BILL).generator();
            CostTable table = CostTable.of(generator);
            List<PlantedAnomaly> truth = generator.groundTruth();
            if (DEBUG) {
                truth.forEach(t -> System.out.println("TRUTH " + t));
            }
            AnomalyScan scan = detector.scan(table, SeriesScope.usage());
            int p = 0;
            int f = 0;
            for (PlantedAnomaly t : truth) {
                boolean hit = scan.anomalies().stream()
                        .anyMatch(a -> a.covers(t.dimension(), t.value())
                                && a.includes(t.date())
                                && Math.signum(a.impact()) == Math.signum(t.magnitude()));
                if (t.type() == AnomalyType.LEVEL_SHIFT) {
                    shifts++;
                    shiftsFound += hit ? 1 : 0;
                } else {
                    p++;
                    f += hit ? 1 : 0;
                }
            }
            int d = scan.anomalies().size();
            int e = 0;
            for (Anomaly a : scan.anomalies()) {
                boolean ok = explainedBy(a, truth, table);
                e += ok ? 1 : 0;
                if (!ok && DEBUG) {
                    System.out.println("UNEXPLAINED " + a + " causes " + a.rootCauses());
                }
            }
            planted += p;
            found += f;
            detections += d;
            explained += e;

            CostTable clean = CostTable.of(spec(NOISE[i], 100 + i).generator());
            AnomalyScan cleanScan = detector.scan(clean, SeriesScope.usage());
            falsePositivesClean += cleanScan.anomalies().size();
            seriesDaysClean += cleanScan.seriesScanned() * (cleanScan.historyDays() - cleanScan.requiredDays());
            report.append(String.format(
                    Locale.ROOT,
                    "  noise %.2f: planted spikes/drops %d, found %d; detections %d,"
                            + " explained %d; false positives on the clean bill %d over %d series%n",
                    NOISE[i],
                    p,
                    f,
                    d,
                    e,
                    cleanScan.anomalies().size(),
                    cleanScan.seriesScanned()));
        }
        double precision = (double) explained / detections;
        double recall = (double) found / planted;
        System.out.printf(
                Locale.ROOT,
                "anomaly accuracy (generated bills): spikes/drops planted=%d recall=%.3f, "
                        + "detections=%d precision=%.3f, level shifts found on their first day %d/%d, false positives on "
                        + "anomaly-free bills %d over %d series-days (a rise traced to a newly launched resource counts as "
                        + "explained)%n%s",
                planted,
                recall,
                detections,
                precision,
                shiftsFound,
                shifts,
                falsePositivesClean,
                seriesDaysClean,
                report);
        assertThat(planted).isGreaterThanOrEqualTo(30);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
        assertThat(falsePositivesClean).isZero();
    }

    /**
     * Clean bills at every noise level over twelve seeds: no anomaly at all. Seeds 106-111 are the hold-out: the rule
     * was made on seeds 100-105, and before it they gave three detections (seeds 107 and 108). Before the same-weekday
     * check, seeds 103
     * and 105 gave three events at noise 0.10 and 0.20 (six detections): a single on-demand instance's Saturday 23 %
     * above three Saturdays within 1 % of each other, scored 5.2 against a fit that a low week had pulled below all
     * three; a database's Tuesday and an account's Monday scored past 4.25 against a weekday profile learnt from
     * three weeks of noise. docs/analyses.md gives the rule.
     */
    @Test
    void noAnomalyOnCleanBillsOverSeveralSeeds() {
        AnomalyDetector detector = AnomalyDetector.defaults();
        StringBuilder found = new StringBuilder();
        int seriesDays = 0;
        for (long s = 100; s <= 111; s++) {
            long seed = s;
            for (double noise : NOISE) {
                AnomalyScan scan = detector.scan(CostTable.of(spec(noise, seed).generator()), SeriesScope.usage());
                seriesDays += scan.seriesScanned() * (scan.historyDays() - scan.requiredDays());
                scan.anomalies()
                        .forEach(a -> found.append(String.format(
                                Locale.ROOT,
                                "%n  seed %d noise %.2f: %s=%s %s score %.2f impact %.1f%%",
                                seed,
                                noise,
                                a.dimension(),
                                a.value(),
                                a.date(),
                                a.score(),
                                a.impactPercent())));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "clean generated bills, seeds 100-111 x noise 0.02/0.10/0.20: %d series-days judged, anomalies:%s%n",
                seriesDays,
                found.length() == 0 ? " none" : found);
        assertThat(found.toString().split("\n", -1).length - 1)
                .as("clean-bill detections over seeds 100-111:%s", found)
                .isZero();
    }

    private static boolean explainedBy(Anomaly a, List<PlantedAnomaly> truth, CostTable table) {
        // the generator launches its last resource mid-period: a real, unlabelled rise, traced to a resource with
        // nothing expected that day that made most of the impact
        if (a.impact() > 0
                && a.rootCauses().stream()
                        .anyMatch(c ->
                                c.dimension().equals("ResourceId") && c.expected() == 0 && c.shareOfImpact() >= 0.5)) {
            return true;
        }
        for (PlantedAnomaly t : truth) {
            long days = a.date().toEpochDay() - t.date().toEpochDay();
            // an event may be a run of days: it is on time when it includes the planted day
            boolean onTime = a.includes(t.date()) || (t.type() == AnomalyType.LEVEL_SHIFT && days >= 0 && days < 7);
            if (!onTime || Math.signum(a.impact()) != Math.signum(t.magnitude())) {
                continue;
            }
            if (a.dimension().equals(t.dimension())) {
                if (a.value().equals(t.value())) {
                    return true;
                }
                continue;
            }
            if (a.dimension().equals("total")) {
                return true;
            }
            // does the anomalous series carry cost of the planted value that day?
            QueryResult r = table.execute(SeriesScope.usage()
                    .query()
                    .range(TimeRange.days(day(a, t), day(a, t).plusDays(1)))
                    .filter(Filter.in(Dimension.column(t.dimension()), t.value()))
                    .filter(Filter.in(Dimension.column(a.dimension()), a.value()))
                    .build());
            if (r.total() != 0) {
                return true;
            }
        }
        return false;
    }

    /** The event's day to check: the planted day when the event includes it, else the event's first day. */
    private static java.time.LocalDate day(Anomaly a, PlantedAnomaly t) {
        return a.includes(t.date()) ? t.date() : a.date();
    }
}
