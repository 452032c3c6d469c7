package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.focus.ColumnType;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.focus.ReadResult;
import dev.costagent.core.focus.TypedInput;
import dev.costagent.core.input.FocusInput;
import dev.costagent.core.testing.FocusSqlRows;
import dev.costagent.core.testing.SharedData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Parquet row group taken column at a time ({@link TypedInput.Part#acceptColumns}, {@link AggregatingSink}) gives
 * exactly what the same rows give one by one: the groups (money to 1e-9 relative), the counts, the rejects with their
 * row and column, the data-quality findings with their examples, the granularity, and strict mode's error. Files of
 * five row groups written by DuckDB: clean ones, and ones with one flaw each.
 */
class ParquetColumnsEquivalenceTest {

    private static final int ROWS = 10_000;

    @TempDir
    static Path dir;

    /** The files: a clean one and one flaw each; {@code rejects} when some row is rejected (the row path then runs). */
    enum Variant {
        CLEAN(false, ""),
        NULLS_IN_NON_NULLABLE_COLUMNS(false, ""),
        NOT_ALLOWED_VALUES(
                false,
                "ChargeCategory: CASE WHEN i % 500 = 3 THEN 'Usge' ELSE ChargeCategory END;"
                        + "ServiceCategory: CASE WHEN i % 700 = 5 THEN 'Computing' ELSE ServiceCategory END"),
        NULL_ENUMERATED_CHUNKS(
                false,
                "ChargeClass: CAST(NULL AS VARCHAR);"
                        + "ChargeCategory: CASE WHEN i < 2048 THEN NULL ELSE ChargeCategory END"),
        EMPTY_CHARGE_PERIODS(
                false, "ChargePeriodEnd: CASE WHEN i % 1000 = 999 THEN ChargePeriodStart ELSE ChargePeriodEnd END"),
        DAILY_ROWS_FOR_ONE_PROVIDER(
                false,
                "ChargePeriodEnd: CASE WHEN ProviderName = 'Microsoft' THEN ChargePeriodStart + INTERVAL 1 DAY"
                        + " ELSE ChargePeriodEnd END"),
        BAD_UTF8_IN_A_DICTIONARY(
                true,
                "ServiceName: CASE WHEN i = 3000 THEN 'EC2'::BLOB || '\\xFF\\xFE'::BLOB"
                        + " ELSE encode(ServiceName) END"),
        NUL_IN_A_VALUE(true, "ChargeCategory: CASE WHEN i = 5000 THEN 'Us' || chr(0) || 'age' ELSE ChargeCategory END"),
        END_BEFORE_START(
                true,
                "ChargePeriodEnd: CASE WHEN i = 4500 THEN ChargePeriodStart - INTERVAL 1 HOUR ELSE ChargePeriodEnd END"),
        START_OUTSIDE_THE_YEARS(
                true,
                "ChargePeriodStart: CASE WHEN i = 6000 THEN TIMESTAMP '1999-12-31 23:00:00' ELSE ChargePeriodStart END"),
        INVALID_TAGS(true, "Tags: CASE WHEN i = 2500 THEN '{\"env\": ' ELSE Tags END");

        final boolean rejects;
        final String replacements;

        Variant(boolean rejects, String replacements) {
            this.rejects = rejects;
            this.replacements = replacements;
        }

        Path file() {
            return dir.resolve(name() + ".parquet");
        }
    }

    private static final List<CostQuery> QUERIES = List.of(
            CostQuery.builder()
                    .groupBy(Dimension.DAY, Dimension.column("ServiceName"))
                    .build(),
            CostQuery.builder().groupBy(Dimension.MONTH).build(),
            CostQuery.builder()
                    .metric(Metric.BILLED_COST)
                    .groupBy(Dimension.tag("env"), Dimension.HOUR)
                    .build(),
            CostQuery.builder()
                    .groupBy(Dimension.column("ChargeCategory"), Dimension.column("ProviderName"))
                    .filter(Filter.notIn(Dimension.column("ServiceName"), "S3"))
                    .filter(Filter.in(Dimension.tag("team"), "t1", "t2", "t3", null))
                    .build());

    @BeforeAll
    static void write() throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duck.createStatement()) {
            sql.execute("CREATE TABLE base AS SELECT " + String.join(", ", columns()) + " FROM range(0, " + ROWS
                    + ") r(i)");
            for (Variant variant : Variant.values()) {
                String select = "SELECT * EXCLUDE (i)" + replace(variant) + " FROM base";
                if (variant == Variant.NULLS_IN_NON_NULLABLE_COLUMNS) {
                    select = "SELECT * EXCLUDE (i) REPLACE (" + nullsInNonNullable() + ") FROM base";
                }
                sql.execute("COPY (" + select + ") TO '" + variant.file() + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
            }
        }
    }

    /** Every mandatory FOCUS column, typed, with values that vary by row {@code i}. */
    private static List<String> columns() {
        Map<String, String> values = FocusSqlRows.mandatoryColumns();
        values.put(
                "Tags",
                "CASE WHEN i % 4 = 0 THEN NULL ELSE '{\"env\": \"' || ['prod', 'dev', 'test'][1 + i % 3]"
                        + " || '\", \"team\": \"t' || (i % 11) || '\"}' END");
        return FocusSqlRows.selectList(values);
    }

    private static String replace(Variant variant) {
        if (variant.replacements.isEmpty()) {
            return "";
        }
        List<String> replaced = new ArrayList<>();
        for (String replacement : variant.replacements.split(";")) {
            int colon = replacement.indexOf(':');
            replaced.add(replacement.substring(colon + 1) + " AS " + replacement.substring(0, colon));
        }
        return " REPLACE (" + String.join(", ", replaced) + ")";
    }

    /** Every non-nullable column null in some rows (the charge period start too, in fewer). */
    private static String nullsInNonNullable() {
        List<String> replaced = new ArrayList<>();
        for (FocusColumn column : FocusColumn.values()) {
            if (column.mandatory() && !column.nullable()) {
                String every = column == FocusColumn.CHARGE_PERIOD_START ? "101" : "13";
                replaced.add("CASE WHEN i % " + every + " = 7 THEN NULL ELSE " + column.columnName() + " END AS "
                        + column.columnName());
            }
        }
        return String.join(", ", replaced);
    }

    @AfterEach
    void automatic() {
        System.clearProperty(TypedInput.COLUMNS_PROPERTY);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void summarizeColumnAtATimeEqualsRowByRow(Variant variant) {
        for (CostQuery query : QUERIES) {
            for (boolean lenient : new boolean[] {true, false}) {
                for (int threads : new int[] {1, 2}) {
                    ReadOptions options = ReadOptions.builder()
                            .lenient(lenient)
                            .threads(threads)
                            .build();
                    String what = variant + " " + query.groupBy() + " lenient " + lenient + " threads " + threads;
                    assertSameOutcome(() -> summarize(variant.file(), query, options), what);
                }
            }
        }
    }

    /** Reading every column typed checks ChargePeriodEnd too: End before Start, empty periods, granularity. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyColumnTypedColumnAtATimeEqualsRowByRow(Variant variant) {
        for (CostQuery query : QUERIES) {
            for (boolean lenient : new boolean[] {true, false}) {
                ReadOptions options = ReadOptions.builder().lenient(lenient).build();
                String what = variant + " " + query.groupBy() + " lenient " + lenient;
                assertSameOutcome(() -> readTyped(variant.file(), query, options), what);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void onlyFilesWithRejectedRowsTakeTheRowPath(Variant variant) {
        CostQuery query = QUERIES.get(0);
        ReadOptions options = ReadOptions.builder().lenient(true).build();
        System.setProperty(TypedInput.COLUMNS_PROPERTY, "only");
        if (variant.rejects) {
            assertThatThrownBy(() -> readTyped(variant.file(), query, options))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("needs the row path");
        } else {
            Outcome outcome = readTyped(variant.file(), query, options);
            assertThat(outcome.accepted()).isEqualTo(ROWS);
            summarize(variant.file(), query, options);
        }
    }

    @Test
    void theFilesHoldWhatTheTestsNeed() {
        ReadOptions lenient = ReadOptions.builder().lenient(true).build();
        CostQuery query = QUERIES.get(0);
        assertThat(readTyped(Variant.CLEAN.file(), query, lenient).dataQuality())
                .isEmpty();
        assertThat(readTyped(Variant.END_BEFORE_START.file(), query, lenient).rejects())
                .singleElement()
                .satisfies(reject -> {
                    assertThat(reject.line()).isEqualTo(4501);
                    assertThat(reject.column()).isEqualTo("ChargePeriodEnd");
                });
        // summarize rejects what ingest rejects (issue 13): it reads ChargePeriodEnd too.
        assertThat(summarize(Variant.END_BEFORE_START.file(), query, lenient).rejects())
                .singleElement()
                .satisfies(reject -> {
                    assertThat(reject.line()).isEqualTo(4501);
                    assertThat(reject.column()).isEqualTo("ChargePeriodEnd");
                });
        assertThat(summarize(Variant.EMPTY_CHARGE_PERIODS.file(), query, lenient)
                        .dataQuality())
                .anySatisfy(issue -> assertThat(issue.rowsAffected()).isEqualTo(ROWS / 1000));
        assertThat(readTyped(Variant.EMPTY_CHARGE_PERIODS.file(), query, lenient)
                        .dataQuality())
                .anySatisfy(issue -> assertThat(issue.rowsAffected()).isEqualTo(ROWS / 1000));
        assertThat(readTyped(Variant.NOT_ALLOWED_VALUES.file(), query, lenient).dataQuality())
                .hasSize(2);
        assertThat(summarize(Variant.NULL_ENUMERATED_CHUNKS.file(), query, lenient)
                        .dataQuality())
                .singleElement()
                .satisfies(issue -> {
                    assertThat(issue.column()).isEqualTo("ChargeCategory");
                    assertThat(issue.rowsAffected()).isEqualTo(2048);
                });
        assertThat(summarize(Variant.BAD_UTF8_IN_A_DICTIONARY.file(), query, lenient)
                        .rejects())
                .singleElement()
                .satisfies(reject -> assertThat(reject.column()).isEqualTo("ServiceName"));
        assertThat(summarize(Variant.NUL_IN_A_VALUE.file(), query, lenient).rejected())
                .isEqualTo(1);
        assertThat(summarize(Variant.NULLS_IN_NON_NULLABLE_COLUMNS.file(), query, lenient)
                        .dataQuality())
                .isNotEmpty();
        assertThat(readTyped(Variant.DAILY_ROWS_FOR_ONE_PROVIDER.file(), query, lenient)
                        .profile()
                        .granularity())
                .containsEntry("Microsoft", dev.costagent.core.focus.Granularity.DAILY)
                .containsEntry("AWS", dev.costagent.core.focus.Granularity.HOURLY);
    }

    /**
     * Enumerated columns a query does not read are read for their allowed-values check only: a chunk of allowed
     * values alone is then read for its nulls. The findings, rejects and groups equal those of decoding them.
     */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void checkedOnlyColumnsGiveWhatDecodedOnesGive(Variant variant) {
        CostQuery query = QUERIES.get(0);
        for (boolean lenient : new boolean[] {true, false}) {
            ReadOptions options = ReadOptions.builder().lenient(lenient).build();
            Outcome decoded = attempt(() -> readForSummarize(variant.file(), query, options, false));
            Outcome checked = attempt(() -> readForSummarize(variant.file(), query, options, true));
            assertThat(checked.error()).isEqualTo(decoded.error());
            assertThat(checked.accepted()).isEqualTo(decoded.accepted());
            assertThat(checked.rejects()).isEqualTo(decoded.rejects());
            assertThat(checked.dataQuality()).isEqualTo(decoded.dataQuality());
            assertThat(checked.currencies()).isEqualTo(decoded.currencies());
            assertThat(checked.groups().keySet()).isEqualTo(decoded.groups().keySet());
            decoded.groups()
                    .forEach((key, sum) -> assertThat(checked.groups().get(key)).isEqualTo(sum));
        }
        assertThat(summarize(
                                variant.file(),
                                query,
                                ReadOptions.builder().lenient(true).build())
                        .dataQuality())
                .isEqualTo(attempt(() -> readForSummarize(
                                variant.file(),
                                query,
                                ReadOptions.builder().lenient(true).build(),
                                false))
                        .dataQuality());
    }

    /** The real FOCUS sample as Parquet (when present): both paths agree on it too. */
    @Test
    void theRealSampleColumnAtATimeEqualsRowByRow() throws Exception {
        Path csv = SharedData.require("focus/focus_sample.csv");
        Path parquet = dir.resolve("sample.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duck.createStatement()) {
            sql.execute("COPY (SELECT * FROM read_csv('" + csv + "', nullstr = ['', 'NULL'])) TO '" + parquet
                    + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        }
        for (CostQuery query : QUERIES) {
            for (boolean lenient : new boolean[] {true, false}) {
                ReadOptions options = ReadOptions.builder().lenient(lenient).build();
                assertSameOutcome(() -> summarize(parquet, query, options), "sample " + query.groupBy());
                assertSameOutcome(() -> readTyped(parquet, query, options), "sample typed " + query.groupBy());
            }
        }
    }

    /** What a read gave: its groups (key → sum, rows), counts, rejects, findings; or the error's message. */
    record Outcome(
            Map<List<String>, double[]> groups,
            long accepted,
            long rejected,
            List<dev.costagent.core.focus.RejectedRecord> rejects,
            List<dev.costagent.core.focus.DataQualityIssue> dataQuality,
            dev.costagent.core.focus.InputProfile profile,
            List<String> currencies,
            String error) {}

    private static void assertSameOutcome(Supplier<Outcome> read, String what) {
        System.setProperty(TypedInput.COLUMNS_PROPERTY, "rows");
        Outcome rows = attempt(read);
        System.clearProperty(TypedInput.COLUMNS_PROPERTY);
        Outcome columns = attempt(read);
        assertThat(columns.error()).as(what).isEqualTo(rows.error());
        if (rows.error() != null) {
            return;
        }
        assertThat(columns.accepted()).as(what).isEqualTo(rows.accepted());
        assertThat(columns.rejected()).as(what).isEqualTo(rows.rejected());
        assertThat(columns.rejects()).as(what).isEqualTo(rows.rejects());
        assertThat(columns.dataQuality()).as(what).isEqualTo(rows.dataQuality());
        assertThat(columns.profile()).as(what).isEqualTo(rows.profile());
        assertThat(columns.currencies()).as(what).isEqualTo(rows.currencies());
        assertThat(columns.groups().keySet()).as(what).isEqualTo(rows.groups().keySet());
        rows.groups().forEach((key, expected) -> {
            double[] actual = columns.groups().get(key);
            assertThat(actual[2]).as(what + " rows of " + key).isEqualTo(expected[2]);
            assertThat(actual[0])
                    .as(what + " sum of " + key)
                    .isCloseTo(expected[0], org.assertj.core.api.Assertions.withinPercentage(1e-7));
        });
    }

    private static Outcome attempt(Supplier<Outcome> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return new Outcome(
                    Map.of(), 0, 0, List.of(), List.of(), null, List.of(), e.getClass() + ": " + e.getMessage());
        }
    }

    /** {@code summarize}: the streaming query, with its own choice of columns. */
    private static Outcome summarize(Path file, CostQuery query, ReadOptions options) {
        StreamingQuery.Answer answer = StreamingQuery.execute(file, query, options);
        Map<List<String>, double[]> groups = new HashMap<>();
        for (QueryResult.Group group : answer.result().groups()) {
            groups.put(group.key(), new double[] {group.value(), 0, group.rows()});
        }
        return new Outcome(
                groups,
                answer.accepted(),
                answer.rejected(),
                answer.rejects(),
                answer.dataQuality(),
                null,
                answer.currencies(),
                null);
    }

    /** What {@code summarize --by day,ServiceName} reads, with the other enumerated columns checked only or decoded. */
    private static Outcome readForSummarize(Path file, CostQuery query, ReadOptions options, boolean checkedOnly) {
        List<String> needed =
                List.of("EffectiveCost", "ChargePeriodStart", "ChargePeriodEnd", "BillingCurrency", "ServiceName");
        List<String> enumerated = new ArrayList<>();
        for (FocusColumn column : FocusColumn.values()) {
            if (!column.allowedValues().isEmpty()) {
                enumerated.add(column.columnName());
            }
        }
        FocusInput.Columns columns = new FocusInput.Columns(
                column -> needed.contains(column) || enumerated.contains(column),
                column -> column.equals("EffectiveCost") || column.startsWith("ChargePeriod"),
                column -> checkedOnly && enumerated.contains(column));
        return read(file, query, options, columns);
    }

    /** The query's sinks over every column, timestamps and decimals typed (so ChargePeriodEnd is checked). */
    private static Outcome readTyped(Path file, CostQuery query, ReadOptions options) {
        FocusInput.Columns typed = new FocusInput.Columns(
                column -> true,
                column -> FocusColumn.byName(column)
                        .map(c -> c.type() == ColumnType.TIMESTAMP || c.type() == ColumnType.DECIMAL)
                        .orElse(false));
        return read(file, query, options, typed);
    }

    private static Outcome read(Path file, CostQuery query, ReadOptions options, FocusInput.Columns typed) {
        ReadResult<AggregatingSink> read =
                FocusInput.read(file, options, header -> new AggregatingSink(header, query), null, typed);
        Map<List<String>, double[]> groups = new HashMap<>();
        List<String> currencies = new ArrayList<>();
        read.sinks().forEach(sink -> {
            sink.mergeInto(groups);
            currencies.addAll(sink.currencies());
        });
        return new Outcome(
                groups,
                read.accepted(),
                read.rejected(),
                read.rejects(),
                read.dataQuality(),
                read.profile(),
                currencies,
                null);
    }
}
