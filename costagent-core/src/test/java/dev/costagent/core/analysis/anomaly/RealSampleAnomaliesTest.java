package dev.costagent.core.analysis.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.testing.SharedData;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The real, anonymized FOCUS sample ({@code ../shared/data/focus/focus_sample.csv}: 1,000 rows, 30 days, 17.98 of
 * usage) that used to give 29 anomalies, all HIGH: now at most three, each above the floor, one per event, graded.
 */
class RealSampleAnomaliesTest {

    @Test
    void atMostThreeMaterialEventsGradedBySpend() throws Exception {
        CostTable table = CostTable.read(SharedData.require("focus/focus_sample.csv"), ReadOptions.DEFAULTS);
        AnomalyDetector detector = AnomalyDetector.defaults();
        AnomalyScan scan = detector.scan(table, SeriesScope.usage());
        List<Anomaly> events = scan.anomalies();
        double meanDaily = 17.97651418586 / 30;

        assertThat(events).hasSizeBetween(1, 3);
        Set<String> seen = new HashSet<>();
        for (Anomaly a : events) {
            assertThat(Math.abs(a.impact())).as(a.label()).isGreaterThanOrEqualTo(detector.floor(meanDaily));
            // no two events for the same day and series, and no series reported twice for one day
            assertThat(seen.add(a.date() + a.label())).isTrue();
            for (String nested : a.seenIn()) {
                assertThat(seen.add(a.date() + nested))
                        .as("%s also reported on its own", nested)
                        .isTrue();
            }
            assertThat(a.severity()).isEqualTo(Severity.of(a.score(), a.impact(), meanDaily, detector.threshold()));
        }
        // the one left: Azure Kubernetes Service's first cost, 1.58 on 2024-09-19, a one-day cluster charge
        assertThat(events).anySatisfy(a -> {
            assertThat(a.date()).isEqualTo(LocalDate.of(2024, 9, 19));
            assertThat(a.covers("ServiceName", "Azure Kubernetes Service")).isTrue();
            assertThat(a.impact()).isBetween(1.5, 1.6);
        });
    }
}
