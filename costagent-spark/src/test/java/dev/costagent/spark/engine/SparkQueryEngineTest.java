package dev.costagent.spark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.focus.DataQualityIssue;
import dev.costagent.core.focus.FocusFormatException;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.table.DataProfile;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.testing.FocusCsv;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Spark engine adds to the contract: bad text strict and lenient, the profile, unreadable input. */
class SparkQueryEngineTest {

    private static final ReadOptions LENIENT =
            ReadOptions.builder().lenient(true).build();

    @TempDir
    Path dir;

    @Test
    void strictRefusesABadNumberNamingFileColumnAndValueAndLenientDropsAndCountsIt() throws Exception {
        Path file = FocusCsv.standard()
                .row("EffectiveCost", "1")
                .row("EffectiveCost", "abc")
                .row("ChargePeriodStart", "yesterday")
                .row("EffectiveCost", "4")
                .write(dir.resolve("bad.csv"));
        assertThatThrownBy(() -> SparkQueryEngine.open(TestSpark.session(), file.toString(), ReadOptions.DEFAULTS))
                .isInstanceOf(FocusFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("EffectiveCost")
                .hasMessageContaining("unparsable number 'abc'");

        CostTable reference = CostTable.read(file, LENIENT);
        try (SparkQueryEngine engine = SparkQueryEngine.open(TestSpark.session(), file.toString(), LENIENT)) {
            assertThat(engine.rejectedCount())
                    .isEqualTo(reference.rejectedCount())
                    .isEqualTo(2);
            assertThat(engine.rejects())
                    .extracting(r -> r.file(), r -> r.column(), r -> r.reason())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    file.toString(), "EffectiveCost", "unparsable number 'abc'"),
                            org.assertj.core.groups.Tuple.tuple(
                                    file.toString(), "ChargePeriodStart", "unparsable timestamp 'yesterday'"));
            assertThat(engine.execute(CostQuery.builder().build()).total()).isEqualTo(5.0);
            assertThat(engine.profile().rows()).isEqualTo(2);
        }
    }

    @Test
    void theProfileAndItsDataQualityAreTheDefaultEngines() throws Exception {
        Path file = FocusCsv.standard()
                .row()
                .row("ServiceCategory", "Compute Engine")
                .row("ProviderName", "Azure", "ChargePeriodEnd", "2024-09-19T22:00:00Z")
                .row("ProviderName", "", "ChargePeriodEnd", "2024-09-18T22:00:00Z")
                .row("ChargePeriodStart", "2024-09-20 05:00:00", "ChargePeriodEnd", "2024-09-20T05:00:00Z")
                .write(dir.resolve("quality.csv"));
        DataProfile expected = CostTable.read(file, ReadOptions.DEFAULTS).profile();
        assertThat(expected.dataQuality())
                .extracting(DataQualityIssue::rule)
                .contains(DataQualityIssue.CHARGE_PERIOD_END_NOT_AFTER_START);
        try (SparkQueryEngine engine =
                SparkQueryEngine.open(TestSpark.session(), file.toString(), ReadOptions.DEFAULTS)) {
            DataProfile profile = engine.profile();
            assertThat(profile.rows()).isEqualTo(expected.rows());
            assertThat(profile.columns()).isEqualTo(expected.columns());
            assertThat(profile.currencies()).isEqualTo(expected.currencies());
            assertThat(profile.firstChargePeriodStart()).isEqualTo(expected.firstChargePeriodStart());
            assertThat(profile.lastChargePeriodStart())
                    .as("zone-less text is UTC, whatever the session's time zone")
                    .isEqualTo(expected.lastChargePeriodStart());
            assertThat(profile.input()).isEqualTo(expected.input());
            assertThat(profile.dataQuality())
                    .extracting(
                            DataQualityIssue::rule,
                            DataQualityIssue::column,
                            DataQualityIssue::rowsAffected,
                            DataQualityIssue::detail)
                    .containsExactlyElementsOf(expected.dataQuality().stream()
                            .map(i -> org.assertj.core.groups.Tuple.tuple(
                                    i.rule(), i.column(), i.rowsAffected(), i.detail()))
                            .toList());
            assertThat(engine.execute(
                                    CostQuery.builder().groupBy(Dimension.HOUR).build())
                            .groups())
                    .extracting(g -> g.key(0))
                    .containsExactly("2024-09-18T22", "2024-09-20T05");
        }
    }

    @Test
    void unreadableInputIsAOneLineError() {
        String missing = dir.resolve("absent.csv").toString();
        assertThatThrownBy(() -> SparkQueryEngine.open(TestSpark.session(), missing, ReadOptions.DEFAULTS))
                .isInstanceOf(FocusFormatException.class)
                .hasMessageContaining(missing)
                .hasMessageContaining("no such file or directory")
                .message()
                .doesNotContain("\n");
    }
}
