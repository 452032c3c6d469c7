package dev.costagent.datagen.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.core.analysis.AnalysisReport;
import dev.costagent.core.analysis.Analyzer;
import dev.costagent.core.analysis.anomaly.AnomalyDetector;
import dev.costagent.core.analysis.anomaly.AnomalyKind;
import dev.costagent.core.analysis.anomaly.AnomalyScan;
import dev.costagent.core.analysis.anomaly.PartialDay;
import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.series.DailySeriesReader;
import dev.costagent.core.analysis.series.DailySeriesSet;
import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.testing.SharedData;
import dev.costagent.datagen.GeneratorSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A billing export cut mid-day: its last day holds only the first hours. The day is flagged with how complete it
 * looks, kept out of the anomaly scan (it is not a drop) and out of the forecast's fit.
 */
class PartialDayTest {
    private static final LocalDate START = LocalDate.of(2024, 7, 1);
    private static final int DAYS = 35;
    private static final LocalDate LAST = START.plusDays(DAYS - 1);

    private static GeneratorSpec.Builder spec() {
        return GeneratorSpec.builder()
                .seed(100)
                .rows(30_000)
                .days(DAYS)
                .start(START)
                .noise(0.05);
    }

    /** The generated bill without the rows that start at or after {@code hour}:00 UTC on its last day. */
    private static CostTable cutAt(int hour) {
        Instant cut =
                LAST.atStartOfDay(ZoneOffset.UTC).plusSeconds(3600L * hour).toInstant();
        List<CostRecord> kept = new ArrayList<>();
        for (CostRecord r : spec().generator()) {
            if (r.chargePeriodStart() == null || r.chargePeriodStart().isBefore(cut)) {
                kept.add(r);
            }
        }
        return CostTable.of(kept);
    }

    @Test
    void aBillCutAtTenOnItsLastDayIsFlaggedAndGivesNoDrop() {
        CostTable table = cutAt(10);
        PartialDay partial = PartialDay.detect(table, SeriesScope.usage());
        assertThat(partial).isNotNull();
        assertThat(partial.day()).isEqualTo(LAST);
        // 10 of 24 hours; the hours are weighted alike, the providers by their usual daily cost
        assertThat(partial.completeness()).isCloseTo(10.0 / 24, within(0.02));
        assertThat(partial.providers()).allSatisfy(p -> {
            assertThat(p.hours()).isEqualTo(10);
            assertThat(p.lastHour()).isEqualTo(9);
        });
        assertThat(partial.describe())
                .contains(LAST.toString())
                .contains("42 %")
                .contains("up to 10:00 UTC");

        AnomalyScan scan = AnomalyDetector.defaults().scan(table, SeriesScope.usage());
        assertThat(scan.anomalies()).noneMatch(a -> a.includes(LAST));

        // the contract can fail: judged as a complete day, the cut reads as a drop of the total
        AnomalyDetector detector = AnomalyDetector.defaults();
        List<DailySeriesSet> sets =
                new DailySeriesReader(table, SeriesScope.usage()).byDimensions(detector.dimensions());
        DailySeries total = sets.get(0).total();
        assertThat(detector.scan(table, SeriesScope.usage(), total, sets).anomalies())
                .anySatisfy(a -> {
                    assertThat(a.includes(LAST)).isTrue();
                    assertThat(a.kind()).isEqualTo(AnomalyKind.DROP);
                });
    }

    @Test
    void theReportFlagsThePartialDayAndTheForecastDoesNotFitIt() {
        AnalysisReport cut = Analyzer.defaults().analyze(cutAt(10));
        AnalysisReport whole = Analyzer.defaults().analyze(CostTable.of(spec().generator()));
        assertThat(cut.partialDay()).isNotNull();
        assertThat(cut.warnings()).anySatisfy(w -> assertThat(w).startsWith("data quality: the last day, " + LAST));
        assertThat(whole.partialDay()).isNull();
        // month to date counts what the cut day cost so far; the month's end and the next days are forecast as if
        // the day were whole: close to the uncut bill's forecast, not dragged down by a day at 42 %
        assertThat(cut.forecast().monthToDate()).isLessThan(whole.forecast().monthToDate());
        double wholeNext = whole.forecast().nextDays().value();
        assertThat(cut.forecast().nextDays().value()).isCloseTo(wholeNext, within(0.03 * wholeNext));
        assertThat(cut.forecast().endOfMonth())
                .isCloseTo(
                        whole.forecast().endOfMonth(),
                        within(0.03 * whole.forecast().endOfMonth()));
    }

    @Test
    void aCompleteBillIsNotFlagged() {
        assertThat(PartialDay.detect(CostTable.of(spec().generator()), SeriesScope.usage()))
                .isNull();
    }

    /**
     * The real sample is not flagged: its AWS rows are a sample (16 to 21 of 24 hours a day), so counting hours says
     * nothing, and its last day (17 hours) is within that range; its Microsoft rows are daily and stopped on
     * 2024-09-19, eleven days before the end (not a cut of the last day); its Oracle rows come on a few days only.
     */
    @Test
    void theRealSampleIsNotFlagged() throws Exception {
        CostTable table = CostTable.read(SharedData.require("focus/focus_sample.csv"), ReadOptions.DEFAULTS);
        assertThat(PartialDay.detect(table, SeriesScope.usage())).isNull();
    }
}
