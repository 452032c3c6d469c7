package dev.costagent.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costagent.core.analysis.anomaly.AnomalyScan;
import dev.costagent.core.analysis.commitment.CommitmentReport;
import dev.costagent.core.analysis.forecast.Forecaster;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.testing.SharedData;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Every default analysis on the real, anonymized FOCUS 1.0 sample ({@code ../shared/data/focus/focus_sample.csv}:
 * 1,000 rows of September 2024, AWS, Microsoft and Oracle). Expected figures computed independently from the CSV
 * with Python's Decimal.
 */
class RealFocusSampleTest {

    @Test
    void analysesRunOnRealDataAndSerialize() throws Exception {
        CostTable table = CostTable.read(SharedData.require("focus/focus_sample.csv"), ReadOptions.DEFAULTS);
        AnalysisReport report = Analyzer.defaults().analyze(table);

        assertThat(report.firstDay()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(report.lastDay()).isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(report.total()).isCloseTo(17.97651418586, within(1e-9)); // Usage EffectiveCost
        assertThat(report.anomalyStatus()).isEqualTo(AnomalyScan.Status.OK);
        assertThat(report.forecast().method()).isEqualTo(Forecaster.HOLT_WINTERS);
        assertThat(report.forecast().remainingDays()).isZero();
        assertThat(report.forecast().endOfMonth()).isCloseTo(report.forecast().monthToDate(), within(1e-9));
        assertThat(report.trends().weekOverWeek()).isNotNull();

        // four Savings Plan rows cover EC2 and ECS usage at an EffectiveCost of 0: coverage is at on-demand prices
        CommitmentReport c = report.commitments();
        assertThat(c.coverageMetric()).isEqualTo("ListCost");
        assertThat(c.commitments()).hasSize(2);
        assertThat(c.coveredCost()).isCloseTo(0.0464 + 0.0112 + 0.085 + 0.0000790222, within(1e-9));
        assertThat(c.coverage()).isGreaterThan(0).isLessThan(1);
        assertThat(c.unusedCost()).isZero();

        String json = new ObjectMapper().writeValueAsString(report);
        assertThat(json).contains("\"anomalies\":[").contains("\"endOfMonth\":");
    }
}
