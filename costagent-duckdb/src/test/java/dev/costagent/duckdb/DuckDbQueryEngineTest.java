package dev.costagent.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.focus.DataQualityIssue;
import dev.costagent.core.focus.FocusFormatException;
import dev.costagent.core.focus.Granularity;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.focus.RejectedRecord;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.testing.FocusCsv;
import dev.costagent.core.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict and lenient reading, data quality and the profile, side by side with the default engine. */
class DuckDbQueryEngineTest {

    private static final ReadOptions LENIENT =
            ReadOptions.builder().lenient(true).build();

    @TempDir
    Path dir;

    @Test
    void strictStopsAtABadNumberNamingFileLineAndColumnAsTheDefaultEngineDoes() throws Exception {
        Path file = FocusCsv.standard()
                .row()
                .row()
                .row("EffectiveCost", "abc")
                .row()
                .write(dir.resolve("bad.csv"));

        assertThatThrownBy(() -> CostTable.read(file, ReadOptions.DEFAULTS))
                .isInstanceOf(FocusFormatException.class)
                .hasMessageContaining("bad.csv:4")
                .hasMessageContaining("EffectiveCost");
        assertThatThrownBy(() -> DuckDbQueryEngine.open(file, ReadOptions.DEFAULTS))
                .isInstanceOf(FocusFormatException.class)
                .hasMessageContaining("bad.csv:4")
                .hasMessageContaining("EffectiveCost")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void lenientSkipsAndCountsTheRecordsTheDefaultEngineRejects() throws Exception {
        Path file = FocusCsv.standard()
                .row()
                .row("EffectiveCost", "abc")
                .row()
                .row("ChargePeriodStart", "2024-13-45 99:00:00")
                .raw("too,few,fields")
                .row("BilledCost", "1.2.3")
                .row()
                .write(dir.resolve("mixed.csv"));
        CostTable table = CostTable.read(file, LENIENT);
        try (DuckDbQueryEngine engine = DuckDbQueryEngine.open(file, LENIENT)) {
            assertThat(engine.rowCount()).isEqualTo(table.rowCount()).isEqualTo(3);
            assertThat(engine.rejectedCount()).isEqualTo(table.rejectedCount()).isEqualTo(4);
            assertThat(engine.rejects())
                    .extracting(RejectedRecord::line)
                    .containsExactlyElementsOf(
                            table.rejects().stream().map(RejectedRecord::line).toList());
            assertThat(engine.rejects())
                    .extracting(RejectedRecord::file)
                    .allSatisfy(f -> assertThat(f).endsWith("mixed.csv"));
            assertThat(engine.execute(CostQuery.builder().build()).total())
                    .isEqualTo(table.execute(CostQuery.builder().build()).total());
        }
    }

    @Test
    void tagsThatAreNotAJsonObjectAreRefusedStrictAndRejectedLenient() throws Exception {
        Path file = FocusCsv.withColumns(FocusCsv.DEFAULTS.keySet().toArray(String[]::new))
                .raw(String.join(",", FocusCsv.DEFAULTS.values()))
                .write(dir.resolve("plain.csv"));
        List<String> columns = new java.util.ArrayList<>(FocusCsv.DEFAULTS.keySet());
        columns.add("Tags");
        String good = String.join(",", FocusCsv.DEFAULTS.values());
        Path tagged = FocusCsv.withColumns(columns.toArray(String[]::new))
                .raw(good + ",\"{\"\"env\"\":\"\"prod\"\"}\"")
                .raw(good + ",[1]")
                .raw(good + ",")
                .write(dir.resolve("tags.csv"));

        assertThatThrownBy(() -> DuckDbQueryEngine.open(tagged, ReadOptions.DEFAULTS))
                .isInstanceOf(FocusFormatException.class)
                .hasMessageContaining("Tags");
        try (DuckDbQueryEngine engine = DuckDbQueryEngine.open(tagged, LENIENT);
                DuckDbQueryEngine plain = DuckDbQueryEngine.open(file, ReadOptions.DEFAULTS)) {
            CostTable table = CostTable.read(tagged, LENIENT);
            assertThat(engine.rejectedCount()).isEqualTo(table.rejectedCount()).isEqualTo(1);
            assertThat(engine.rowCount()).isEqualTo(table.rowCount()).isEqualTo(2);
            QueryResult byEnv = engine.execute(
                    CostQuery.builder().groupBy(Dimension.tag("env")).build());
            assertThat(byEnv.groups()).extracting(g -> g.key(0)).containsExactly(null, "prod");
            assertThat(plain.rowCount()).isEqualTo(1);
        }
    }

    @Test
    void aMissingMandatoryColumnIsAnErrorStrictAndADataQualityIssueLenient() throws Exception {
        Path file = FocusCsv.withColumns(FocusCsv.DEFAULTS.keySet().stream()
                        .filter(c -> !c.equals("PublisherName"))
                        .toArray(String[]::new))
                .row()
                .row()
                .write(dir.resolve("narrow.csv"));

        String expected = catchMessage(() -> CostTable.read(file, ReadOptions.DEFAULTS));
        assertThat(catchMessage(() -> DuckDbQueryEngine.open(file, ReadOptions.DEFAULTS)))
                .isEqualTo(expected);
        try (DuckDbQueryEngine engine = DuckDbQueryEngine.open(file, LENIENT)) {
            assertThat(engine.dataQuality())
                    .isEqualTo(CostTable.read(file, LENIENT).dataQuality());
        }
    }

    @Test
    void unreadableInputIsAOneLineError() throws Exception {
        Path missing = dir.resolve("nope.csv");
        assertThat(catchMessage(() -> DuckDbQueryEngine.open(missing, ReadOptions.DEFAULTS)))
                .isEqualTo(catchMessage(() -> CostTable.read(missing, ReadOptions.DEFAULTS)));
        Path notParquet = Files.writeString(dir.resolve("junk.parquet"), "not parquet at all");
        assertThatThrownBy(() -> DuckDbQueryEngine.open(notParquet, ReadOptions.DEFAULTS))
                .isInstanceOf(FocusFormatException.class)
                .hasMessageContaining("junk.parquet")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> DuckDbQueryEngine.open(empty, ReadOptions.DEFAULTS))
                .isInstanceOf(FocusFormatException.class)
                .hasMessageContaining("no .csv, .csv.gz or .parquet");
    }

    @Test
    void gzipAndDirectoriesOfFilesAnswerAsOneInput() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("parts"));
        FocusCsv.standard().row("EffectiveCost", "1").row("EffectiveCost", "2").write(folder.resolve("a.csv"));
        FocusCsv.standard().row("EffectiveCost", "4", "ServiceName", "S3").write(folder.resolve("b.csv.gz"));
        CostTable table = CostTable.read(folder, ReadOptions.DEFAULTS);
        try (DuckDbQueryEngine engine = DuckDbQueryEngine.open(folder, ReadOptions.DEFAULTS)) {
            CostQuery byService =
                    CostQuery.builder().groupBy(Dimension.column("ServiceName")).build();
            assertThat(engine.execute(byService)).isEqualTo(table.execute(byService));
            assertThat(engine.rowCount()).isEqualTo(3);
        }
    }

    @Test
    void theRealSampleProfilesAsTheDefaultEngineDoesFromCsvAndFromParquetFooters() throws Exception {
        Path sample = SharedData.require("focus/focus_sample.csv");
        CostTable table = CostTable.read(sample, ReadOptions.DEFAULTS);
        Path copy = Files.copy(sample, dir.resolve("sample.csv"));
        try (DuckDbQueryEngine csv = DuckDbQueryEngine.open(sample, ReadOptions.DEFAULTS);
                DuckDbQueryEngine parquet = DuckDbQueryEngine.open(Parquet.fromCsv(copy), ReadOptions.DEFAULTS)) {
            for (DuckDbQueryEngine engine : List.of(csv, parquet)) {
                assertThat(engine.rowCount()).isEqualTo(table.rowCount());
                assertThat(engine.rejectedCount()).isZero();
                assertThat(engine.currencies()).isEqualTo(table.currencies());
                assertThat(engine.firstChargePeriodStart()).isEqualTo(table.firstChargePeriodStart());
                assertThat(engine.lastChargePeriodStart()).isEqualTo(table.lastChargePeriodStart());
                assertThat(engine.dataQuality()).isEqualTo(table.dataQuality());
                assertThat(engine.extraColumns()).isEqualTo(table.extraColumns());
                assertThat(engine.columns()).isEqualTo(table.columns());
                assertThat(engine.profile().input()).isEqualTo(table.profile().input());
            }
        }
    }

    @Test
    void granularityPerProviderAndValuesOutsideTheAllowedSetsAreProfiledAsTheDefaultEngineDoes() throws Exception {
        Path file = FocusCsv.standard()
                .row()
                .row("ServiceCategory", "Compute Engine")
                .row("ProviderName", "Azure", "ChargePeriodEnd", "2024-09-19T22:00:00Z")
                .row("ProviderName", "Azure", "ServiceCategory", "Servers")
                .row("ChargeCategory", "Purchase", "ChargePeriodEnd", "2024-10-18T22:00:00Z")
                .row("ProviderName", "", "ChargePeriodEnd", "2024-09-19T22:00:00Z")
                .write(dir.resolve("granularity.csv"));
        CostTable table = CostTable.read(file, ReadOptions.DEFAULTS);
        assertThat(table.profile().input().granularity())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(
                        Map.of("", Granularity.DAILY, "AWS", Granularity.HOURLY, "Azure", Granularity.MIXED)));
        assertThat(table.dataQuality())
                .extracting(
                        DataQualityIssue::rule,
                        DataQualityIssue::column,
                        DataQualityIssue::rowsAffected,
                        DataQualityIssue::example)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                DataQualityIssue.NULL_IN_NON_NULLABLE_COLUMN, "ProviderName", 1L, null),
                        org.assertj.core.groups.Tuple.tuple(
                                DataQualityIssue.VALUE_NOT_ALLOWED, "ServiceCategory", 2L, "Compute Engine"));
        Path copy = Files.copy(file, dir.resolve("copy.csv"));
        try (DuckDbQueryEngine csv = DuckDbQueryEngine.open(file, ReadOptions.DEFAULTS);
                DuckDbQueryEngine parquet = DuckDbQueryEngine.open(Parquet.fromCsv(copy), ReadOptions.DEFAULTS)) {
            assertThat(csv.profile().input()).isEqualTo(table.profile().input());
            assertThat(csv.dataQuality()).isEqualTo(table.dataQuality());
            assertThat(parquet.profile().input()).isEqualTo(table.profile().input());
            assertThat(parquet.dataQuality())
                    .extracting(
                            DataQualityIssue::rule,
                            DataQualityIssue::column,
                            DataQualityIssue::rowsAffected,
                            DataQualityIssue::detail)
                    .containsExactlyElementsOf(table.dataQuality().stream()
                            .map(i -> org.assertj.core.groups.Tuple.tuple(
                                    i.rule(), i.column(), i.rowsAffected(), i.detail()))
                            .toList());
        }
    }

    @Test
    void chargePeriodsEndingAtTheirStartAreReportedAsTheDefaultEngineDoes() throws Exception {
        Path file = FocusCsv.standard()
                .row()
                .row("ChargePeriodEnd", "2024-09-18T22:00:00Z")
                .row("ServiceCategory", "Servers")
                .row("ChargePeriodStart", "2024-09-19T05:00:00Z", "ChargePeriodEnd", "2024-09-19T05:00:00Z")
                .write(dir.resolve("empty-periods.csv"));
        List<DataQualityIssue> expected =
                CostTable.read(file, ReadOptions.DEFAULTS).dataQuality();
        assertThat(expected)
                .extracting(DataQualityIssue::rule)
                .containsExactly(
                        DataQualityIssue.VALUE_NOT_ALLOWED, DataQualityIssue.CHARGE_PERIOD_END_NOT_AFTER_START);
        assertThat(expected.get(1).rowsAffected()).isEqualTo(2);
        Path copy = Files.copy(file, dir.resolve("empty-periods-copy.csv"));
        try (DuckDbQueryEngine csv = DuckDbQueryEngine.open(file, ReadOptions.DEFAULTS);
                DuckDbQueryEngine parquet = DuckDbQueryEngine.open(Parquet.fromCsv(copy), ReadOptions.DEFAULTS)) {
            assertThat(csv.dataQuality()).isEqualTo(expected);
            assertThat(parquet.dataQuality())
                    .as("Parquet: the same finding; its example is any of the periods")
                    .extracting(DataQualityIssue::rule, DataQualityIssue::column, DataQualityIssue::rowsAffected)
                    .containsExactlyElementsOf(expected.stream()
                            .map(i -> org.assertj.core.groups.Tuple.tuple(i.rule(), i.column(), i.rowsAffected()))
                            .toList());
            assertThat(parquet.dataQuality().get(1).example())
                    .isIn(
                            "2024-09-18T22:00:00Z to 2024-09-18T22:00:00Z",
                            "2024-09-19T05:00:00Z to 2024-09-19T05:00:00Z");
        }
    }

    @Test
    void filtersOnManyValuesAnswerAsTheDefaultEngineDoes() throws Exception {
        // more values than QuerySql lists one by one: they travel as one array and are matched by a semi-join
        FocusCsv csv = FocusCsv.standard();
        for (int i = 0; i < 60; i++) {
            csv.row("ChargeDescription", i % 10 == 9 ? "" : "r" + i, "EffectiveCost", Integer.toString(i));
        }
        Path file = csv.write(dir.resolve("many.csv"));
        java.util.Set<String> some = new java.util.HashSet<>();
        for (int i = 0; i < 3 * QuerySql.LISTED_VALUES; i += 2) {
            some.add("r" + i);
        }
        java.util.Set<String> someAndNull = new java.util.HashSet<>(some);
        someAndNull.add(null);
        Dimension resource = Dimension.column("ChargeDescription");
        CostTable table = CostTable.read(file, ReadOptions.DEFAULTS);
        try (DuckDbQueryEngine csvEngine = DuckDbQueryEngine.open(file, ReadOptions.DEFAULTS);
                DuckDbQueryEngine parquet = DuckDbQueryEngine.open(
                        Parquet.fromCsv(Files.copy(file, dir.resolve("many-copy.csv"))), ReadOptions.DEFAULTS)) {
            for (dev.costagent.core.table.Filter filter : List.of(
                    new dev.costagent.core.table.Filter(resource, some, false),
                    new dev.costagent.core.table.Filter(resource, some, true),
                    new dev.costagent.core.table.Filter(resource, someAndNull, false),
                    new dev.costagent.core.table.Filter(resource, someAndNull, true))) {
                CostQuery query =
                        CostQuery.builder().groupBy(resource).filter(filter).build();
                QueryResult expected = table.execute(query);
                assertThat(expected.groups()).as("the filter keeps some rows").isNotEmpty();
                assertThat(csvEngine.execute(query)).as("CSV, %s", filter).isEqualTo(expected);
                assertThat(parquet.execute(query)).as("Parquet, %s", filter).isEqualTo(expected);
            }
        }
    }

    @Test
    void monthlyDailyAndMixedLengthsGiveTheDefaultEnginesGranularity() throws Exception {
        Path file = FocusCsv.standard()
                .row(
                        "ProviderName",
                        "Invoice",
                        "ChargePeriodStart",
                        "2024-02-01T00:00:00Z",
                        "ChargePeriodEnd",
                        "2024-03-01T00:00:00Z")
                .row(
                        "ProviderName",
                        "Invoice",
                        "ChargePeriodStart",
                        "2024-03-01T00:00:00Z",
                        "ChargePeriodEnd",
                        "2024-04-01T00:00:00Z")
                .row(
                        "ProviderName",
                        "Azure",
                        "ChargePeriodStart",
                        "2000-01-01T00:00:00Z",
                        "ChargePeriodEnd",
                        "2000-01-02T00:00:00Z")
                .row(
                        "ProviderName",
                        "Odd",
                        "ChargePeriodStart",
                        "2024-09-18T22:00:00Z",
                        "ChargePeriodEnd",
                        "2024-09-18T22:30:00Z")
                .row(
                        "ProviderName",
                        "Odd",
                        "ChargePeriodStart",
                        "2024-09-18T22:00:00Z",
                        "ChargePeriodEnd",
                        "2024-09-18T23:00:00Z")
                .row("ProviderName", "Credits", "ChargeCategory", "Credit", "ChargePeriodEnd", "2024-09-18T22:30:00Z")
                .row()
                .write(dir.resolve("lengths.csv"));
        CostTable table = CostTable.read(file, ReadOptions.DEFAULTS);
        assertThat(table.profile().input().granularity())
                .containsEntry("Invoice", Granularity.MONTHLY)
                .containsEntry("Azure", Granularity.DAILY)
                .containsEntry("Odd", Granularity.MIXED)
                .containsEntry("AWS", Granularity.HOURLY)
                .doesNotContainKey("Credits");
        Path copy = Files.copy(file, dir.resolve("lengths-copy.csv"));
        try (DuckDbQueryEngine csv = DuckDbQueryEngine.open(file, ReadOptions.DEFAULTS);
                DuckDbQueryEngine parquet = DuckDbQueryEngine.open(Parquet.fromCsv(copy), ReadOptions.DEFAULTS)) {
            assertThat(csv.profile().input()).isEqualTo(table.profile().input());
            assertThat(parquet.profile().input()).isEqualTo(table.profile().input());
        }
    }

    @Test
    void parquetTimestampsWithAndWithoutAZoneOrAsTextGiveTheSameTimeKeys() throws Exception {
        Path file = FocusCsv.standard()
                .row()
                .row("ChargePeriodStart", "2024-09-18T23:00:00Z", "ChargePeriodEnd", "2024-09-19T00:00:00Z")
                .row("ChargePeriodStart", "2000-01-01T00:00:00Z", "ChargePeriodEnd", "2000-01-01T01:00:00Z")
                .row("ChargePeriodStart", "2024-10-01T00:00:00Z", "ChargePeriodEnd", "2024-10-01T01:00:00Z")
                .write(dir.resolve("times.csv"));
        CostTable table = CostTable.read(file, ReadOptions.DEFAULTS);
        Path zoned = Parquet.fromCsv(Files.copy(file, dir.resolve("zoned.csv")));
        for (String type : List.of("TIMESTAMP", "VARCHAR", "TIMESTAMP WITH TIME ZONE")) {
            Path retyped = dir.resolve("times-" + type.replace(' ', '_') + ".parquet");
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                    java.sql.Statement s = c.createStatement()) {
                s.execute("SET TimeZone = 'UTC'");
                s.execute("COPY (SELECT * REPLACE (CAST(ChargePeriodStart AS " + type + ") AS ChargePeriodStart) "
                        + "FROM '" + zoned.toAbsolutePath() + "') TO '" + retyped.toAbsolutePath()
                        + "' (FORMAT parquet)");
            }
            try (DuckDbQueryEngine engine = DuckDbQueryEngine.open(retyped, ReadOptions.DEFAULTS)) {
                for (Dimension time : List.of(Dimension.HOUR, Dimension.DAY, Dimension.MONTH)) {
                    CostQuery query = CostQuery.builder()
                            .groupBy(time, Dimension.column("ServiceName"))
                            .build();
                    assertThat(engine.execute(query))
                            .as("%s by %s", type, time.label())
                            .isEqualTo(table.execute(query));
                }
                assertThat(engine.firstChargePeriodStart()).isEqualTo(table.firstChargePeriodStart());
                assertThat(engine.lastChargePeriodStart()).isEqualTo(table.lastChargePeriodStart());
                assertThat(engine.profile().input())
                        .as(type)
                        .isEqualTo(table.profile().input());
            }
        }
    }

    @Test
    void answersOfManyGroupsTravelAsDictionaryNumbersAndMatchTheDefaultEngine() throws Exception {
        // more groups than the engine reads as text (20,000): keys come back as positions in each column's values
        FocusCsv csv = FocusCsv.standard();
        for (int i = 0; i < 24_000; i++) {
            csv.row(
                    "ChargeDescription",
                    i % 97 == 0 ? "" : "item " + (i % 23_000),
                    "ServiceName",
                    i % 11 == 0 ? "" : "svc-" + (i % 5),
                    "ChargePeriodStart",
                    "2024-09-" + (10 + i % 3) + "T0" + (i % 4) + ":00:00Z",
                    "EffectiveCost",
                    Integer.toString(i % 100));
        }
        Path file = csv.write(dir.resolve("wide.csv"));
        CostTable table = CostTable.read(file, ReadOptions.DEFAULTS);
        CostQuery query = CostQuery.builder()
                .groupBy(Dimension.column("ServiceName"), Dimension.column("ChargeDescription"), Dimension.HOUR)
                .build();
        QueryResult expected = table.execute(query);
        assertThat(expected.groups()).hasSizeGreaterThan(20_000);
        try (DuckDbQueryEngine engine = DuckDbQueryEngine.open(file, ReadOptions.DEFAULTS)) {
            assertThat(engine.execute(query)).isEqualTo(expected);
        }
    }

    private static String catchMessage(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an error");
    }
}
