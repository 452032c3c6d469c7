package dev.costagent.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.focus.DataQualityIssue;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.input.ParquetDictionaries;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.table.DataProfile;
import dev.costagent.core.testing.FocusCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile over Parquet when the dictionaries settle the enumerated columns, and where they must not: the findings
 * are those of the default engine either way, and {@code summaryProfile()} is {@code profile()} without granularity.
 */
class DuckDbParquetDictionaryTest {

    private static final String SERVICE_CATEGORY = "ServiceCategory";

    @TempDir
    Path dir;

    @Test
    void aDictionaryHoldingAValueOutsideTheAllowedSetIsCountedInTheRows() throws Exception {
        Path parquet = dir.resolve("servers.parquet");
        // 3,000 rows of two values: DuckDB's writer keeps them dictionary-encoded
        write(parquet, "CASE WHEN i % 3 = 0 THEN 'Servers' ELSE 'Compute' END", 3000);
        assertThat(ParquetDictionaries.of(parquet).values(List.of(SERVICE_CATEGORY)))
                .as("the column is settled by its dictionaries, so the engine takes the dictionary path")
                .containsEntry(SERVICE_CATEGORY, Set.of("Compute", "Servers"));
        List<DataQualityIssue> expected =
                CostTable.read(parquet, ReadOptions.DEFAULTS).dataQuality();
        assertThat(expected)
                .extracting(DataQualityIssue::rule, DataQualityIssue::column, DataQualityIssue::rowsAffected)
                .containsExactly(Tuple.tuple(DataQualityIssue.VALUE_NOT_ALLOWED, SERVICE_CATEGORY, 1000L));
        try (DuckDbQueryEngine engine = DuckDbQueryEngine.open(parquet, ReadOptions.DEFAULTS)) {
            assertThat(engine.summaryProfile().dataQuality()).isEqualTo(expected);
            assertThat(engine.profile().dataQuality()).isEqualTo(expected);
        }
    }

    @Test
    void aRowGroupWrittenPlainIsReadFromTheRowsNotTakenFromTheOtherDictionaries() throws Exception {
        Path parquet = dir.resolve("plain.parquet");
        // row group 0: one allowed value, dictionary-encoded; row group 1: 2,048 distinct values outside the set,
        // which DuckDB's writer stores PLAIN (no dictionary page)
        write(parquet, "CASE WHEN i < 2048 THEN 'Compute' ELSE 'Bad ' || i END", 4096);
        assertThat(encodings(parquet, SERVICE_CATEGORY)).containsExactly("PLAIN_DICTIONARY", "PLAIN");
        assertThat(ParquetDictionaries.of(parquet).values(List.of(SERVICE_CATEGORY)))
                .as("a PLAIN chunk leaves the column unsettled")
                .doesNotContainKey(SERVICE_CATEGORY);
        List<DataQualityIssue> expected =
                CostTable.read(parquet, ReadOptions.DEFAULTS).dataQuality();
        assertThat(expected)
                .extracting(DataQualityIssue::rule, DataQualityIssue::column, DataQualityIssue::rowsAffected)
                .containsExactly(Tuple.tuple(DataQualityIssue.VALUE_NOT_ALLOWED, SERVICE_CATEGORY, 2048L));
        try (DuckDbQueryEngine engine = DuckDbQueryEngine.open(parquet, ReadOptions.DEFAULTS)) {
            for (DataProfile profile : List.of(engine.summaryProfile(), engine.profile())) {
                assertThat(profile.dataQuality())
                        .extracting(DataQualityIssue::rule, DataQualityIssue::column, DataQualityIssue::rowsAffected)
                        .containsExactly(Tuple.tuple(DataQualityIssue.VALUE_NOT_ALLOWED, SERVICE_CATEGORY, 2048L));
                assertThat(profile.dataQuality().get(0).example()).startsWith("Bad ");
            }
        }
    }

    @Test
    void theSummaryProfileFindsChargePeriodsEndingAtTheirStartAndLeavesOnlyGranularityOut() throws Exception {
        Path csv = FocusCsv.standard()
                .row()
                .row("ChargePeriodStart", "2024-09-19T05:00:00Z", "ChargePeriodEnd", "2024-09-19T05:00:00Z")
                .row("ProviderName", "Azure", "ChargePeriodEnd", "2024-09-19T22:00:00Z")
                .write(dir.resolve("empty.csv"));
        Path parquet = Parquet.fromCsv(Files.copy(csv, dir.resolve("empty-copy.csv")));
        CostTable table = CostTable.read(csv, ReadOptions.DEFAULTS);
        assertThat(table.dataQuality())
                .extracting(DataQualityIssue::rule)
                .containsExactly(DataQualityIssue.CHARGE_PERIOD_END_NOT_AFTER_START);
        try (DuckDbQueryEngine engine = DuckDbQueryEngine.open(parquet, ReadOptions.DEFAULTS)) {
            DataProfile summary = engine.summaryProfile();
            assertThat(summary.dataQuality()).isEqualTo(table.dataQuality());
            assertThat(summary.input().granularity()).isEmpty();
            DataProfile full = engine.profile();
            assertThat(full.input()).isEqualTo(table.profile().input());
            assertThat(summary)
                    .usingRecursiveComparison()
                    .ignoringFields("input")
                    .isEqualTo(full);
        }
    }

    @Test
    void theDictionaryIndicesShowThereIsNoEmptyChargePeriodAndAnyOneOfThemIsFoundInTheRows() throws Exception {
        // long runs of one hour (sorted by time, as exports are) and an hour changing every row (bit-packed runs)
        for (String hour : List.of("i // 100", "i % 48")) {
            String start = "TIMESTAMPTZ '2024-09-01 00:00:00+00' + to_hours(" + hour + ")";
            Path none = dir.resolve("none-" + hour.hashCode() + ".parquet");
            write(none, "'Compute'", 4096, start, start + " + INTERVAL 1 HOUR");
            Path one = dir.resolve("one-" + hour.hashCode() + ".parquet");
            write(
                    one,
                    "'Compute'",
                    4096,
                    start,
                    "CASE WHEN i = 3000 THEN " + start + " ELSE " + start + " + INTERVAL 1 HOUR END");
            assertThat(ParquetDictionaries.of(none).neverEqual("ChargePeriodStart", "ChargePeriodEnd"))
                    .as("dictionary-encoded periods, none empty: settled without the rows (%s)", hour)
                    .isTrue();
            assertThat(ParquetDictionaries.of(one).neverEqual("ChargePeriodStart", "ChargePeriodEnd"))
                    .as("row 3000 ends at its start (%s)", hour)
                    .isFalse();
            for (Path parquet : List.of(none, one)) {
                List<DataQualityIssue> expected =
                        CostTable.read(parquet, ReadOptions.DEFAULTS).dataQuality();
                try (DuckDbQueryEngine engine = DuckDbQueryEngine.open(parquet, ReadOptions.DEFAULTS)) {
                    assertThat(engine.summaryProfile().dataQuality()).isEqualTo(expected);
                    assertThat(engine.profile().dataQuality()).isEqualTo(expected);
                }
            }
            assertThat(CostTable.read(one, ReadOptions.DEFAULTS).dataQuality())
                    .extracting(DataQualityIssue::rule, DataQualityIssue::rowsAffected)
                    .containsExactly(Tuple.tuple(DataQualityIssue.CHARGE_PERIOD_END_NOT_AFTER_START, 1L));
        }
    }

    private void write(Path parquet, String serviceCategory, int rows) throws Exception {
        write(parquet, serviceCategory, rows, "ChargePeriodStart", "ChargePeriodEnd");
    }

    /**
     * Writes {@code rows} copies of a standard FOCUS row as Parquet (row groups of 2,048 rows), ServiceCategory,
     * ChargePeriodStart and ChargePeriodEnd given by expressions of the row number {@code i}.
     */
    private void write(Path parquet, String serviceCategory, int rows, String start, String end) throws Exception {
        Path csv = FocusCsv.standard().row().write(dir.resolve(parquet.getFileName() + ".csv"));
        duckdb("COPY (SELECT * REPLACE (" + serviceCategory + " AS ServiceCategory, " + start
                + " AS ChargePeriodStart, " + end + " AS ChargePeriodEnd) FROM read_csv('" + csv
                + "', nullstr = ['', 'NULL']), range(" + rows + ") t(i) ORDER BY i) TO '" + parquet
                + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
    }

    private static void duckdb(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute(sql);
        }
    }

    /** The encodings DuckDB's metadata lists for a column's chunks, in row-group order. */
    private static List<String> encodings(Path parquet, String column) throws Exception {
        List<String> encodings = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT encodings FROM parquet_metadata('" + parquet
                        + "') WHERE path_in_schema = '" + column + "' ORDER BY row_group_id")) {
            while (r.next()) {
                encodings.add(r.getString(1));
            }
        }
        return encodings;
    }
}
