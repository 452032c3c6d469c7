package dev.costagent.core.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Metric;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.table.StreamingQuery;
import dev.costagent.core.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real FOCUS sample converted to Parquet by DuckDB, in the shapes providers write (typed columns, DECIMAL costs,
 * timestamps in every unit, every codec, v2 pages, several row groups, a directory of parts): summarize totals, row
 * counts and data quality equal the CSV's.
 */
class ParquetSampleTest {

    private static final String SAMPLE = "focus/focus_sample.csv";
    private static final String COSTS = "BilledCost, EffectiveCost, ListCost, ContractedCost";

    @TempDir
    static Path dir;

    static Path csv;

    @BeforeAll
    static void convert() throws Exception {
        csv = SharedData.require(SAMPLE);
        try (DuckDb duck = new DuckDb()) {
            duck.loadCsv("s", csv);
            duck.copy("SELECT * FROM s", dir.resolve("snappy.parquet"), "COMPRESSION snappy");
            duck.copy(
                    replace("CAST(%s AS DECIMAL(38,10))", COSTS),
                    dir.resolve("decimal38-zstd.parquet"),
                    "COMPRESSION zstd");
            duck.copy(
                    replace("CAST(%s AS DECIMAL(18,11))", COSTS),
                    dir.resolve("decimal18-gzip.parquet"),
                    "COMPRESSION gzip");
            String periods = "ChargePeriodStart, ChargePeriodEnd, BillingPeriodStart, BillingPeriodEnd";
            duck.copy(replace("CAST(%s AS TIMESTAMP_MS)", periods), dir.resolve("millis.parquet"), "");
            duck.copy(replace("CAST(%s AS TIMESTAMP_NS)", periods), dir.resolve("nanos.parquet"), "");
            duck.copy(replace("CAST(%s AS TIMESTAMPTZ)", periods), dir.resolve("micros-utc.parquet"), "");
            duck.copy("SELECT * FROM s", dir.resolve("uncompressed.parquet"), "COMPRESSION uncompressed");
            // Five copies of the sample, for files of several row groups (DuckDB's smallest is 2,048 rows),
            // beside the same rows as CSV text, unchanged.
            duck.run("CREATE TABLE text AS SELECT * FROM read_csv(" + DuckDb.quote(csv) + ", all_varchar = true)");
            duck.copyCsv("SELECT text.* FROM text, range(5) ORDER BY range", dir.resolve("five.csv"));
            duck.loadCsv("five", dir.resolve("five.csv"));
            duck.copy(
                    "SELECT * FROM five",
                    dir.resolve("v2-groups.parquet"),
                    "COMPRESSION zstd, PARQUET_VERSION v2, ROW_GROUP_SIZE 2048");
            duck.copy("SELECT * FROM five", dir.resolve("groups.parquet"), "ROW_GROUP_SIZE 2048");
            Path parts = Files.createDirectory(dir.resolve("parts"));
            for (int part = 0; part < 4; part++) {
                duck.copy(
                        "SELECT * FROM s LIMIT 250 OFFSET " + part * 250,
                        parts.resolve("part-" + part + ".parquet"),
                        part % 2 == 0 ? "COMPRESSION snappy" : "COMPRESSION zstd");
            }
        }
    }

    /** The sample with the listed columns replaced by {@code template} applied to each. */
    private static String replace(String template, String columns) {
        StringBuilder replaced = new StringBuilder();
        for (String column : columns.split(",\\s*")) {
            replaced.append(replaced.length() == 0 ? "" : ", ")
                    .append(String.format(template, column))
                    .append(" AS ")
                    .append(column);
        }
        return "SELECT * REPLACE (" + replaced + ") FROM s";
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "snappy.parquet",
                "decimal38-zstd.parquet",
                "decimal18-gzip.parquet",
                "millis.parquet",
                "nanos.parquet",
                "micros-utc.parquet",
                "uncompressed.parquet",
                "v2-groups.parquet",
                "groups.parquet",
                "parts"
            })
    void summarizeEqualsTheCsv(String input) {
        Path parquet = dir.resolve(input);
        Path csv = expectedCsv(input);
        for (Metric metric : List.of(Metric.EFFECTIVE_COST, Metric.CONTRACTED_COST, Metric.PRICING_QUANTITY)) {
            for (List<Dimension> by : List.of(
                    List.of(Dimension.DAY, Dimension.column("ServiceName")),
                    List.of(Dimension.column("ChargeCategory")),
                    List.of(Dimension.HOUR))) {
                CostQuery query = CostQuery.builder().metric(metric).groupBy(by).build();
                for (int threads : new int[] {1, 2}) {
                    ReadOptions options = ReadOptions.builder().threads(threads).build();
                    StreamingQuery.Answer expected = StreamingQuery.execute(csv, query, options);
                    StreamingQuery.Answer actual = StreamingQuery.execute(parquet, query, options);
                    assertSame(expected.result(), actual.result(), input + " " + metric + " " + by);
                    assertThat(actual.accepted()).isEqualTo(expected.accepted()).isPositive();
                    assertThat(actual.rejected()).isZero();
                    assertThat(actual.dataQuality()).isEqualTo(expected.dataQuality());
                    assertThat(actual.currencies()).isEqualTo(expected.currencies());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"snappy.parquet", "decimal38-zstd.parquet", "v2-groups.parquet", "groups.parquet", "parts"})
    void theTableEqualsTheCsvs(String input) {
        CostTable expected = CostTable.read(expectedCsv(input), ReadOptions.DEFAULTS);
        CostTable actual = CostTable.read(dir.resolve(input), ReadOptions.DEFAULTS);
        assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
        assertThat(actual.dataQuality()).isEqualTo(expected.dataQuality());
        assertThat(actual.columns()).isEqualTo(expected.columns());
        assertThat(actual.extraColumns()).isEqualTo(expected.extraColumns());
        assertThat(actual.currencies()).isEqualTo(expected.currencies());
        assertThat(actual.firstChargePeriodStart()).isEqualTo(expected.firstChargePeriodStart());
        assertThat(actual.lastChargePeriodStart()).isEqualTo(expected.lastChargePeriodStart());
        for (Metric metric : Metric.values()) {
            CostQuery query = CostQuery.builder()
                    .metric(metric)
                    .groupBy(Dimension.DAY, Dimension.column("ServiceName"), Dimension.column("RegionId"))
                    .build();
            assertSame(expected.execute(query), actual.execute(query), input + " " + metric);
        }
    }

    /** The CSV holding the same rows as a Parquet input. */
    private static Path expectedCsv(String input) {
        return input.contains("groups") ? dir.resolve("five.csv") : csv;
    }

    private static void assertSame(QueryResult expected, QueryResult actual, String what) {
        assertThat(actual.rows()).as(what).isEqualTo(expected.rows());
        assertThat(actual.total()).as(what).isCloseTo(expected.total(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(actual.groups()).as(what).hasSameSizeAs(expected.groups());
        for (int i = 0; i < expected.groups().size(); i++) {
            QueryResult.Group e = expected.groups().get(i);
            QueryResult.Group a = actual.groups().get(i);
            assertThat(a.key()).as(what).isEqualTo(e.key());
            assertThat(a.rows()).as(what + " " + e.key()).isEqualTo(e.rows());
            assertThat(a.value())
                    .as(what + " " + e.key())
                    .isCloseTo(e.value(), org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void leavesTheTestFilesTyped() throws Exception {
        // The files really hold the physical types the test names: DuckDB wrote them as asked.
        try (DuckDb duck = new DuckDb()) {
            assertThat(duck.scalar("SELECT type || '/' || coalesce(logical_type, '') FROM parquet_schema("
                            + DuckDb.quote(dir.resolve("decimal38-zstd.parquet")) + ") WHERE name = 'EffectiveCost'"))
                    .startsWith("FIXED_LEN_BYTE_ARRAY");
            assertThat(duck.scalar("SELECT compression FROM parquet_metadata("
                            + DuckDb.quote(dir.resolve("decimal38-zstd.parquet")) + ") LIMIT 1"))
                    .isEqualTo("ZSTD");
            assertThat(duck.scalar("SELECT coalesce(logical_type, converted_type) FROM parquet_schema("
                            + DuckDb.quote(dir.resolve("nanos.parquet")) + ") WHERE name = 'ChargePeriodStart'"))
                    .contains("NANOS");
            assertThat(duck.scalar("SELECT count(DISTINCT row_group_id) FROM parquet_metadata("
                            + DuckDb.quote(dir.resolve("groups.parquet")) + ")"))
                    .isEqualTo("3");
        }
    }
}
