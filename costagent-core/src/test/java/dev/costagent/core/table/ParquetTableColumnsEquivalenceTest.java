package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.focus.TypedInput;
import dev.costagent.core.testing.FocusSqlRows;
import dev.costagent.core.testing.SharedData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
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
 * A Parquet row group built into the table column at a time ({@link TableSink#acceptColumns}) gives exactly the table
 * row by row gives: every row's values (decimal and time attributes too), the same answers to a set of queries (bit
 * for bit), rows, rejects, data-quality findings, input profile, and with one thread the same layout and heap size. Files written by DuckDB, typed as writers write them (DECIMAL and DOUBLE amounts and prices,
 * TIMESTAMPTZ and TIMESTAMP periods, Tags), in row groups of 10,240 rows: the sink's first check of how well
 * attribute sets compress (at 4,096 rows) falls inside a row group, so a row-unique column moves to rows mid-batch.
 */
class ParquetTableColumnsEquivalenceTest {

    private static final int ROWS = 40_000;

    @TempDir
    static Path dir;

    /** The files: one trait each; {@code rejects} when some row is rejected (its row group then goes row by row). */
    enum Variant {
        CLEAN(false, ""),
        ROW_UNIQUE_ID(false, "Id: 'lid-' || i"),
        /**
         * Ids repeat in the first two row groups and the start of the third, then every row has its own: the third
         * stretch moves Id to rows at its first check (inside its batch), the fourth keeps it per row from the start.
         */
        ID_UNIQUE_FROM_MID_FILE(false, "Id: CASE WHEN i < 22000 THEN 'id-' || (i % 7) ELSE 'lid-' || i END"),
        /** Every value its own in the first row group only: the first stretch moves it, the others follow the hint. */
        /**
         * Unique for the first 2,000 rows only: at the first check (4,096 rows) the column holds a value per two rows
         * and moves to rows; a check at the end of the row group (10,240 rows) would have kept it in the sets.
         */
        RESOURCES_UNIQUE_IN_THE_FIRST_ROWS(
                false, "ResourceId: CASE WHEN i < 2000 THEN 'r-' || i ELSE 'r-' || (i % 60) END"),
        UNIQUE_RESOURCES_FIRST(false, "ResourceId: CASE WHEN i < 10240 THEN 'r-' || i ELSE 'r-' || (i % 60) END"),
        NULLS(
                false,
                "ListUnitPrice: CASE WHEN i % 7 = 1 THEN NULL ELSE ListUnitPrice END;"
                        + "BillingPeriodStart: CASE WHEN i % 9 = 2 THEN NULL ELSE BillingPeriodStart END;"
                        + "EffectiveCost: CASE WHEN i % 11 = 3 THEN NULL ELSE EffectiveCost END;"
                        + "ChargePeriodStart: CASE WHEN i % 101 = 4 THEN NULL ELSE ChargePeriodStart END;"
                        + "ChargePeriodEnd: CASE WHEN i % 103 = 5 THEN NULL ELSE ChargePeriodEnd END;"
                        + "ServiceName: CASE WHEN i % 13 = 6 THEN NULL ELSE ServiceName END;"
                        + "Id: CASE WHEN i % 17 = 7 THEN NULL ELSE Id END"),
        EMPTY_TEXTS(
                false,
                "ServiceName: CASE WHEN i % 13 = 6 THEN '' ELSE ServiceName END;"
                        + "Id: CASE WHEN i % 19 = 8 THEN '' ELSE 'lid-' || i END;"
                        + "x_Team: CASE WHEN i % 5 = 0 THEN '' ELSE x_Team END"),
        EMPTY_CHARGE_PERIODS(
                false, "ChargePeriodEnd: CASE WHEN i % 1000 = 999 THEN ChargePeriodStart ELSE ChargePeriodEnd END"),
        TIMESTAMPS_WITHOUT_ZONE(
                false,
                "ChargePeriodStart: CAST(ChargePeriodStart AS TIMESTAMP);"
                        + "ChargePeriodEnd: CAST(ChargePeriodEnd AS TIMESTAMP);"
                        + "BillingPeriodEnd: CAST(BillingPeriodEnd AS TIMESTAMP)"),
        DOUBLE_PRICES(
                false, "ListUnitPrice: CAST(ListUnitPrice AS DOUBLE);" + "BilledCost: CAST(BilledCost AS DOUBLE)"),
        INVALID_TAGS_IN_A_DICTIONARY(true, "Tags: CASE WHEN i = 22500 THEN '{\"env\": ' ELSE Tags END"),
        BAD_UTF8_IN_A_DICTIONARY(
                true,
                "ServiceName: CASE WHEN i = 13000 THEN 'EC2'::BLOB || '\\xFF\\xFE'::BLOB"
                        + " ELSE encode(ServiceName) END"),
        /** A price written as text, one value of which is no number (made in {@link #write}). */
        BAD_DECIMAL_TEXT_IN_A_PRICE(true, ""),
        END_BEFORE_START(
                true,
                "ChargePeriodEnd: CASE WHEN i = 4500 THEN ChargePeriodStart - INTERVAL 1 HOUR ELSE ChargePeriodEnd END");

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
            CostQuery.builder().groupBy(Dimension.column("Id")).build(),
            CostQuery.builder()
                    .groupBy(Dimension.column("ResourceId"), Dimension.MONTH)
                    .build(),
            CostQuery.builder()
                    .metric(Metric.BILLED_COST)
                    .groupBy(Dimension.tag("env"), Dimension.HOUR)
                    .build(),
            CostQuery.builder()
                    .metric(Metric.LIST_COST)
                    .groupBy(Dimension.column("BillingAccountId"), Dimension.MONTH)
                    .build(),
            CostQuery.builder()
                    .metric(Metric.LIST_COST)
                    .groupBy(Dimension.column("x_Team"), Dimension.column("x_Score"), Dimension.column("x_Seen"))
                    .build(),
            CostQuery.builder()
                    .groupBy(Dimension.column("ChargeCategory"), Dimension.column("ProviderName"))
                    .filter(Filter.notIn(Dimension.column("ServiceName"), "S3"))
                    .filter(Filter.in(Dimension.tag("team"), "t1", "t2", "t3", null))
                    .build(),
            CostQuery.builder()
                    .groupBy(Dimension.column("ServiceCategory"), Dimension.column("x_Team"))
                    .filter(Filter.in(Dimension.column("Id"), "lid-7", "lid-30001", "id-3", null))
                    .build());

    @BeforeAll
    static void write() throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duck.createStatement()) {
            createBase(sql);
            for (Variant variant : Variant.values()) {
                String select = "SELECT * EXCLUDE (i)" + replace(variant) + " FROM base";
                if (variant == Variant.BAD_DECIMAL_TEXT_IN_A_PRICE) {
                    // A price written as text by a provider, one value of which is no number.
                    select = "SELECT * EXCLUDE (i) REPLACE (CASE WHEN i = 3000 THEN 'n/a' ELSE CAST(ListUnitPrice AS"
                            + " VARCHAR) END AS ListUnitPrice) FROM base";
                }
                sql.execute("COPY (" + select + ") TO '" + variant.file() + "' (FORMAT parquet, ROW_GROUP_SIZE 10240)");
            }
        }
    }

    private static void createBase(Statement sql) throws java.sql.SQLException {
        sql.execute(
                "CREATE TABLE base AS SELECT " + String.join(", ", columns()) + " FROM range(0, " + ROWS + ") r(i)");
    }

    /** Every mandatory FOCUS column, typed, with values that vary by row {@code i}; Id; extra columns. */
    private static List<String> columns() {
        Map<String, String> values = FocusSqlRows.mandatoryColumns();
        // Attributes repeat every 120 rows (amounts and periods vary per row): sets compress unless a column does not.
        values.put("Id", "'id-' || (i % 12)");
        values.put("BillingPeriodStart", "TIMESTAMPTZ '2024-02-01 00:00:00+00' + INTERVAL (i % 3) MONTH");
        values.put("BillingPeriodEnd", "TIMESTAMPTZ '2024-03-01 00:00:00+00' + INTERVAL (i % 3) MONTH");
        values.put("ListUnitPrice", "CAST((i % 20) * 0.125 AS DECIMAL(12, 4))");
        values.put("ContractedUnitPrice", "CAST((i % 15) * 0.1 AS DECIMAL(12, 4))");
        values.put("ResourceId", "'r-' || (i % 60)");
        values.put(
                "Tags",
                "CASE WHEN i % 4 = 0 THEN NULL ELSE '{\"env\": \"' || ['prod', 'dev', 'test'][1 + i % 3]"
                        + " || '\", \"team\": \"t' || (i % 12) || '\"}' END");
        values.put("x_Team", "CASE WHEN i % 6 = 0 THEN NULL ELSE 'team-' || (i % 4) END");
        values.put("x_Score", "CASE WHEN i % 8 = 0 THEN NULL ELSE CAST(i % 5 AS DOUBLE) / 4 END");
        values.put("x_Seen", "TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i % 3) DAY");
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

    @AfterEach
    void automatic() {
        System.clearProperty(TypedInput.COLUMNS_PROPERTY);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void columnAtATimeBuildsTheTableRowByRowBuilds(Variant variant) {
        for (boolean lenient : new boolean[] {true, false}) {
            ReadOptions options =
                    ReadOptions.builder().lenient(lenient).threads(1).build();
            assertSameTable(() -> CostTable.read(variant.file(), options), variant + " lenient " + lenient, true);
        }
    }

    /** Row groups read on two threads: the layout may then differ (which stretch learns first), the answers not. */
    @ParameterizedTest
    @EnumSource(Variant.class)
    void onTwoThreadsTheAnswersAreTheSame(Variant variant) {
        ReadOptions options = ReadOptions.builder().lenient(true).threads(2).build();
        assertSameTable(() -> CostTable.read(variant.file(), options), variant + " threads 2", false);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void onlyFilesWithRejectedRowsTakeTheRowPath(Variant variant) {
        ReadOptions options = ReadOptions.builder().lenient(true).threads(1).build();
        System.setProperty(TypedInput.COLUMNS_PROPERTY, "only");
        if (variant.rejects) {
            assertThatThrownBy(() -> CostTable.read(variant.file(), options))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("needs the row path");
        } else {
            assertThat(CostTable.read(variant.file(), options).rowCount()).isEqualTo(ROWS);
        }
    }

    @Test
    void theFilesHoldWhatTheTestsNeed() {
        ReadOptions lenient = ReadOptions.builder().lenient(true).threads(1).build();
        CostTable unique = CostTable.read(Variant.ROW_UNIQUE_ID.file(), lenient);
        assertThat(unique.execute(QUERIES.get(1)).groups()).hasSize(ROWS);
        CostTable clean = CostTable.read(Variant.CLEAN.file(), lenient);
        // The row-unique Id is kept per row, not in the attribute sets: fewer sets than rows by far.
        assertThat(unique.attributeSets()).isEqualTo(clean.attributeSets());
        assertThat(CostTable.read(Variant.ID_UNIQUE_FROM_MID_FILE.file(), lenient)
                        .attributeSets())
                .isLessThan(ROWS / 4);
        assertThat(CostTable.read(Variant.INVALID_TAGS_IN_A_DICTIONARY.file(), lenient)
                        .rejects())
                .singleElement()
                .satisfies(reject -> {
                    assertThat(reject.line()).isEqualTo(22501);
                    assertThat(reject.column()).isEqualTo("Tags");
                });
        assertThat(CostTable.read(Variant.BAD_DECIMAL_TEXT_IN_A_PRICE.file(), lenient)
                        .rejects())
                .singleElement()
                .satisfies(reject -> assertThat(reject.column()).isEqualTo("ListUnitPrice"));
        assertThat(CostTable.read(Variant.EMPTY_CHARGE_PERIODS.file(), lenient).dataQuality())
                .anySatisfy(issue -> assertThat(issue.rowsAffected()).isEqualTo(ROWS / 1000));
        assertThat(clean.extraColumns()).contains("x_Team", "x_Score", "x_Seen");
        assertThat(clean.execute(QUERIES.get(5)).groups()).hasSizeGreaterThan(10);
    }

    /**
     * A DOUBLE price with too many values for the writer's dictionary is plain-encoded: the decoder formats it as text
     * (the table keeps prices as text) once per distinct value of a chunk, and every row still holds its own value,
     * whatever values share a slot of the decoder's cache.
     */
    @Test
    void plainEncodedPricesKeepEveryRowsValue() throws Exception {
        Path file = dir.resolve("plain-prices.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duck.createStatement()) {
            createBase(sql);
            sql.execute("COPY (SELECT * EXCLUDE (i) REPLACE (CAST((i % 997) * 0.01 AS DOUBLE) AS ListUnitPrice,"
                    + " CAST((i % 3001) * 0.125 + 1e-7 AS DOUBLE) AS ContractedUnitPrice) FROM base) TO '" + file
                    + "' (FORMAT parquet, ROW_GROUP_SIZE 10240)");
        }
        CostTable table = CostTable.read(
                file, ReadOptions.builder().lenient(false).threads(1).build());
        Attributes attributes = table.attributes;
        int list = TableSchema.STRING_COLUMNS.length
                + List.of(TableSchema.DECIMAL_ATTRIBUTES).indexOf(FocusColumn.LIST_UNIT_PRICE);
        int contracted = TableSchema.STRING_COLUMNS.length
                + List.of(TableSchema.DECIMAL_ATTRIBUTES).indexOf(FocusColumn.CONTRACTED_UNIT_PRICE);
        for (int r = 0; r < table.rowCount(); r++) {
            int set = table.attributeSetOf[r];
            String listText = attributes.values[list][attributes.code(set, list)];
            String contractedText = attributes.values[contracted][attributes.code(set, contracted)];
            assertThat(Double.parseDouble(listText))
                    .as("row " + r)
                    .isEqualTo(java.math.BigDecimal.valueOf(r % 997, 2)
                            .doubleValue()); // decimal arithmetic, then a double
            assertThat(Double.parseDouble(contractedText)).as("row " + r).isEqualTo((r % 3001) * 0.125 + 1e-7);
        }
    }

    /**
     * A table read from Parquet reports the granularity of its input as a CSV read's does (the read hands each stretch
     * to the assembler as it is verified, and joins the files of a directory): hourly rows of two providers.
     */
    @Test
    void aTableFromParquetReportsItsGranularity() throws Exception {
        ReadOptions options = ReadOptions.builder().threads(1).build();
        var hourly = Map.of(
                "AWS", dev.costagent.core.focus.Granularity.HOURLY,
                "Microsoft", dev.costagent.core.focus.Granularity.HOURLY);
        assertThat(CostTable.read(Variant.CLEAN.file(), options).inputProfile().granularity())
                .isEqualTo(hourly);
        Path parts = java.nio.file.Files.createDirectories(dir.resolve("parts"));
        java.nio.file.Files.copy(Variant.CLEAN.file(), parts.resolve("a.parquet"));
        java.nio.file.Files.copy(Variant.ROW_UNIQUE_ID.file(), parts.resolve("b.parquet"));
        assertThat(CostTable.read(parts, options).inputProfile().granularity()).isEqualTo(hourly);
    }

    /** The real FOCUS sample as Parquet (when present): both paths build the same table from it too. */
    @Test
    void theRealSampleColumnAtATimeEqualsRowByRow() throws Exception {
        Path csv = SharedData.require("focus/focus_sample.csv");
        Path parquet = dir.resolve("sample.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duck.createStatement()) {
            sql.execute("COPY (SELECT * FROM read_csv('" + csv + "', nullstr = ['', 'NULL'])) TO '" + parquet
                    + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        }
        for (boolean lenient : new boolean[] {true, false}) {
            ReadOptions options =
                    ReadOptions.builder().lenient(lenient).threads(1).build();
            assertSameTable(() -> CostTable.read(parquet, options), "sample lenient " + lenient, true);
        }
    }

    /** What a table answers, or the error's message. */
    record Outcome(
            List<Object> results,
            int rows,
            long rejected,
            List<dev.costagent.core.focus.RejectedRecord> rejects,
            List<dev.costagent.core.focus.DataQualityIssue> dataQuality,
            dev.costagent.core.focus.InputProfile profile,
            List<String> currencies,
            int attributeSets,
            long heapBytes,
            List<List<?>> content,
            String error) {}

    private static void assertSameTable(Supplier<CostTable> read, String what, boolean sameLayout) {
        System.setProperty(TypedInput.COLUMNS_PROPERTY, "rows");
        Outcome rows = attempt(read);
        System.clearProperty(TypedInput.COLUMNS_PROPERTY);
        Outcome columns = attempt(read);
        assertThat(columns.error()).as(what).isEqualTo(rows.error());
        if (rows.error() != null) {
            return;
        }
        assertThat(columns.rows()).as(what).isEqualTo(rows.rows());
        assertThat(columns.rejected()).as(what).isEqualTo(rows.rejected());
        assertThat(columns.rejects()).as(what).isEqualTo(rows.rejects());
        assertThat(columns.dataQuality()).as(what).isEqualTo(rows.dataQuality());
        assertThat(columns.profile()).as(what).isEqualTo(rows.profile());
        assertThat(columns.currencies()).as(what).isEqualTo(rows.currencies());
        for (int q = 0; q < QUERIES.size(); q++) {
            // Bit for bit: the same rows in the same order give the same sums.
            assertThat(columns.results().get(q))
                    .as(what + " " + QUERIES.get(q).groupBy())
                    .isEqualTo(rows.results().get(q));
        }
        for (int c = 0; c < rows.content().size(); c++) {
            List<?> expected = rows.content().get(c);
            List<?> actual = columns.content().get(c);
            if (!actual.equals(expected)) { // name the first row that differs, not the whole column
                int row = 0;
                while (row < expected.size() && java.util.Objects.equals(actual.get(row), expected.get(row))) {
                    row++;
                }
                assertThat(row < actual.size() ? actual.get(row) : "(no row)")
                        .as(what + " content " + c + " row " + row)
                        .isEqualTo(row < expected.size() ? expected.get(row) : "(no row)");
            }
        }
        if (sameLayout) {
            assertThat(columns.attributeSets()).as(what).isEqualTo(rows.attributeSets());
            assertThat(columns.heapBytes()).as(what).isEqualTo(rows.heapBytes());
        }
    }

    private static Outcome attempt(Supplier<CostTable> read) {
        CostTable table;
        try {
            table = read.get();
        } catch (RuntimeException e) {
            return new Outcome(
                    List.of(),
                    0,
                    0,
                    List.of(),
                    List.of(),
                    null,
                    List.of(),
                    0,
                    0,
                    List.of(),
                    e.getClass() + ": " + e.getMessage());
        }
        List<Object> results = new ArrayList<>();
        for (CostQuery query : QUERIES) {
            try {
                results.add(table.execute(query));
            } catch (QueryException e) {
                results.add(e.getMessage()); // a column the file lacks (the real sample has no x_Team)
            }
        }
        return new Outcome(
                results,
                table.rowCount(),
                table.rejectedCount(),
                table.rejects(),
                table.dataQuality(),
                table.inputProfile(),
                table.currencies(),
                table.attributeSets(),
                table.heapBytes(),
                content(table),
                null);
    }

    /**
     * What the table holds row by row, whatever its layout: per attribute (decimal and time ones too, which no query
     * groups by) each row's value, the charge period starts, every amount (bit for bit).
     */
    private static List<List<?>> content(CostTable table) {
        Attributes attributes = table.attributes;
        List<List<?>> content = new ArrayList<>();
        for (int i = 0; i < attributes.width; i++) {
            if (i == TableSchema.DURATION) {
                continue;
            }
            String[] values = new String[table.rowCount()];
            int[] rowCodes = attributes.rowLevel(i) ? attributes.rowCodes(i) : null;
            for (int r = 0; r < values.length; r++) {
                values[r] = rowCodes != null
                        ? attributes.rowValue(i, rowCodes[r])
                        : attributes.values[i][attributes.code(table.attributeSetOf[r], i)];
            }
            content.add(java.util.Arrays.asList(values));
        }
        content.add(java.util.Arrays.stream(table.startOffset).boxed().toList());
        for (double[] metric : table.metrics) {
            content.add(java.util.Arrays.stream(metric)
                    .mapToObj(Double::doubleToRawLongBits)
                    .toList());
        }
        return content;
    }
}
