package dev.costagent.core.analysis.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.analysis.ListQueryEngine;
import dev.costagent.core.analysis.Rows;
import dev.costagent.core.analysis.SyntheticBill;
import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.table.CostTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated intermittent usage on top of a steady bill (840 a day): a weekly batch job (Sundays, about 120), a function
 * that starts mid-month (day 15, about 30 a day) and a service at cents a day with idle days. None is an anomaly each
 * time it runs; a 5x spike in one still is, once, as one event.
 */
class IntermittentUsageTest {
    private static final LocalDate FIRST = LocalDate.of(2024, 7, 1); // a Monday
    private static final int DAYS = 60;

    /** The steady bill plus the three intermittent series; {@code spikeDay}'s cost of {@code spiked} times 5. */
    static List<CostRecord> bill(String spiked, int spikeDay) {
        List<CostRecord> rows = new ArrayList<>(SyntheticBill.rows(FIRST, DAYS, 0.02, 5, List.of()));
        Random random = new Random(9);
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            double factor = 1;
            if (day.getDayOfWeek().getValue() == 7) {
                factor = "batch".equals(spiked) && d == spikeDay ? 5 : 1;
                rows.add(Rows.usage(
                        day,
                        "Batch",
                        "acct-1",
                        "us-east-1",
                        "batch-1",
                        "sku-batch",
                        round(120 * factor * (1 + 0.05 * random.nextGaussian()))));
            }
            if (d >= 15) {
                factor = "function".equals(spiked) && d == spikeDay ? 5 : 1;
                rows.add(Rows.usage(
                        day,
                        "Lambda",
                        "acct-2",
                        "eu-west-1",
                        "fn-1",
                        "sku-fn",
                        round(30 * factor * (1 + 0.1 * random.nextGaussian()))));
            }
            if (random.nextDouble() < 0.7) {
                factor = "cents".equals(spiked) && d == spikeDay ? 5 : 1;
                rows.add(Rows.usage(
                        day,
                        "CloudTrail",
                        "acct-1",
                        "us-east-1",
                        "trail-1",
                        "sku-trail",
                        round(0.03 * factor * (1 + 0.3 * random.nextDouble()))));
            }
        }
        return rows;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static AnomalyScan scan(List<CostRecord> rows) {
        return AnomalyDetector.defaults().scan(new ListQueryEngine(rows), SeriesScope.usage());
    }

    @Test
    void weeklyBatchMidMonthStartAndCentsADayGiveNoAnomaly() {
        AnomalyScan scan = scan(bill("none", -1));
        assertThat(scan.status()).isEqualTo(AnomalyScan.Status.OK);
        assertThat(scan.anomalies()).isEmpty();
    }

    @Test
    void fiveTimesTheWeeklyBatchIsOneEvent() {
        int sunday = 48; // 2024-08-18, a Sunday with six earlier runs of the batch
        AnomalyScan scan = scan(bill("batch", sunday));
        assertThat(scan.anomalies()).singleElement().satisfies(a -> {
            assertThat(a.date()).isEqualTo(FIRST.plusDays(sunday));
            assertThat(a.kind()).isEqualTo(AnomalyKind.RISE);
            assertThat(a.covers("ServiceName", "Batch")).isTrue();
            assertThat(a.impact()).isBetween(400.0, 560.0); // 4 x about 120 more than expected
        });
    }

    @Test
    void fiveTimesTheMidMonthStartIsOneEvent() {
        int day = 44;
        AnomalyScan scan = scan(bill("function", day));
        assertThat(scan.anomalies()).singleElement().satisfies(a -> {
            assertThat(a.date()).isEqualTo(FIRST.plusDays(day));
            assertThat(a.covers("ServiceName", "Lambda")).isTrue();
        });
    }

    @Test
    void fiveTimesACentsADayServiceIsBelowTheFloor() {
        assertThat(scan(bill("cents", 40)).anomalies()).isEmpty();
    }

    @Test
    void aMonthlyRecurringFeeIsLeftOutOfTheScan() {
        List<CostRecord> rows = new ArrayList<>(bill("none", -1));
        // a support plan billed on the first of each month: a day and a bit of the whole bill at once
        for (LocalDate day : List.of(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 8, 1))) {
            rows.add(Rows.row(day, "Usage", "Support", "acct-1", "us-east-1", "support-plan", "sku-support", 900)
                    .chargeFrequency("Recurring")
                    .build());
        }
        CostTable table = CostTable.of(rows); // the real engine: it filters on ChargeFrequency
        assertThat(AnomalyDetector.defaults().scan(table, SeriesScope.usage()).anomalies())
                .isEmpty();
        assertThat(AnomalyDetector.builder()
                        .excludeRecurring(false)
                        .build()
                        .scan(table, SeriesScope.usage())
                        .anomalies())
                .as("without the exclusion the fee is a rise")
                .isNotEmpty();
    }
}
