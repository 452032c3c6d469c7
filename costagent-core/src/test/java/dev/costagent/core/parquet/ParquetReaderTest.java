package dev.costagent.core.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.FocusFormatException;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.input.FocusInput;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.table.StreamingQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small Parquet files written by DuckDB: types, nulls, and the one-line errors for bad files. */
class ParquetReaderTest {

    private static final String COLUMNS = "ChargePeriodStart, ServiceName, BillingCurrency, EffectiveCost";

    @TempDir
    Path dir;

    /** The other mandatory FOCUS columns, all null, so that strict reading accepts the header. */
    private static String otherMandatory() {
        StringBuilder columns = new StringBuilder();
        for (FocusColumn column : FocusColumn.values()) {
            if (column.mandatory() && !COLUMNS.contains(column.columnName())) {
                columns.append(", CAST(NULL AS VARCHAR) AS ").append(column.columnName());
            }
        }
        return columns.toString();
    }

    /** A file of three rows with EffectiveCost as {@code costType} and ChargePeriodStart as {@code timeType}. */
    private Path file(String name, String costType, String timeType, String options) throws Exception {
        Path file = dir.resolve(name);
        try (DuckDb duck = new DuckDb()) {
            duck.copy(
                    "SELECT CAST(t AS " + timeType + ") AS ChargePeriodStart, s AS ServiceName, "
                            + "'USD' AS BillingCurrency, CAST(c AS " + costType + ") AS EffectiveCost"
                            + otherMandatory()
                            + " FROM (VALUES "
                            + "(TIMESTAMP '2024-09-01 10:00:00', 'EC2', '1.25'), "
                            + "(TIMESTAMP '2024-09-01 11:30:00', 'S3', '-0.5'), "
                            + "(TIMESTAMP '2024-09-02 00:00:00', NULL, '100.0001')) v(t, s, c)",
                    file,
                    options);
        }
        return file;
    }

    private static QueryResult byDayAndService(Path file) {
        return StreamingQuery.execute(
                        file,
                        CostQuery.builder()
                                .groupBy(Dimension.DAY, Dimension.column("ServiceName"))
                                .build(),
                        ReadOptions.DEFAULTS)
                .result();
    }

    @Test
    void readsEveryDecimalWidthAndTimestampUnit() throws Exception {
        String[] costs = {"DOUBLE", "FLOAT", "DECIMAL(9,4)", "DECIMAL(18,6)", "DECIMAL(38,10)", "DECIMAL(5,4)"};
        String[] times = {"TIMESTAMP", "TIMESTAMP_MS", "TIMESTAMP_NS", "TIMESTAMP_S", "TIMESTAMPTZ"};
        for (String cost : costs) {
            for (String time : times) {
                String name = (cost + time).replaceAll("\\W", "_") + ".parquet";
                if (cost.equals("DECIMAL(5,4)")) {
                    continue; // 100.0001 does not fit; see below
                }
                QueryResult result = byDayAndService(file(name, cost, time, ""));
                double tolerance = cost.equals("FLOAT") ? 1e-5 : 1e-12;
                assertThat(result.total()).as(cost + " " + time).isCloseTo(100.7501, within(tolerance));
                assertThat(result.rows()).isEqualTo(3);
                assertThat(result.groups())
                        .extracting(QueryResult.Group::key)
                        .map(Object::toString)
                        .containsExactly("[2024-09-01, EC2]", "[2024-09-01, S3]", "[2024-09-02, null]");
            }
        }
    }

    @Test
    void decimalsRoundOnceToTheNearestDouble() {
        assertThat(ChunkDecoder.decimal(125, 2)).isEqualTo(1.25);
        assertThat(ChunkDecoder.decimal(-1, 10)).isEqualTo(-1e-10);
        assertThat(ChunkDecoder.decimal(Long.MAX_VALUE, 10)).isEqualTo(922337203.6854775807);
        // 38 digits, unscaled beyond a long: big-endian two's complement of 16 bytes.
        byte[] big = new java.math.BigInteger("-12345678901234567890123456789012345678").toByteArray();
        byte[] sixteen = new byte[16];
        Arrays.fill(sixteen, (byte) 0xff);
        System.arraycopy(big, 0, sixteen, 16 - big.length, big.length);
        assertThat(ChunkDecoder.bigEndianDecimal(sixteen, 0, 16, 10))
                .isEqualTo(-1234567890123456789012345678.9012345678);
        assertThat(ChunkDecoder.bigEndianDecimal(new byte[] {(byte) 0xff, (byte) 0x85}, 0, 2, 2))
                .isEqualTo(-1.23);
    }

    @Test
    void everyCodecAndPageVersionReadsTheSame() throws Exception {
        for (String options : new String[] {
            "COMPRESSION snappy",
            "COMPRESSION zstd",
            "COMPRESSION gzip",
            "COMPRESSION uncompressed",
            "COMPRESSION zstd, PARQUET_VERSION v2",
            "COMPRESSION snappy, PARQUET_VERSION v2"
        }) {
            Path file = file(options.replaceAll("\\W", "_") + ".parquet", "DECIMAL(18,4)", "TIMESTAMP", options);
            CostTable table = CostTable.read(file, ReadOptions.DEFAULTS);
            assertThat(table.rowCount()).as(options).isEqualTo(3);
            assertThat(byDayAndService(file).total()).as(options).isCloseTo(100.7501, within(1e-12));
        }
    }

    @Test
    void aFileNamedAnythingIsParquetByItsMagic() throws Exception {
        Path file = file("export.bin", "DOUBLE", "TIMESTAMP", "");
        assertThat(FocusInput.format(file)).isEqualTo(FocusInput.Format.PARQUET);
        assertThat(byDayAndService(file).rows()).isEqualTo(3);
    }

    @Test
    void aTruncatedFileIsOneLineNamingIt() throws Exception {
        Path file = file("cut.parquet", "DOUBLE", "TIMESTAMP", "");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> byDayAndService(file))
                .isInstanceOf(FocusFormatException.class)
                .hasMessageContaining("cut.parquet")
                .hasMessageContaining("truncated Parquet file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aCorruptPageNamesFileRowAndColumn() throws Exception {
        Path file = file("corrupt.parquet", "DOUBLE", "TIMESTAMP", "COMPRESSION snappy");
        byte[] bytes = Files.readAllBytes(file);
        // Overwrite the middle of the data (after the magic, before the footer) with garbage.
        for (int i = 4; i < Math.min(bytes.length / 2, 200); i++) {
            bytes[i] = (byte) 0xee;
        }
        Files.write(file, bytes);
        assertThatThrownBy(() -> byDayAndService(file))
                .isInstanceOf(FocusFormatException.class)
                .hasMessageContaining("corrupt.parquet")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("corrupt"));
    }

    @Test
    void notParquetIsOneLine() throws Exception {
        Path file = dir.resolve("text.parquet");
        Files.writeString(file, "ChargePeriodStart,EffectiveCost\n2024-09-01,1\n");
        assertThatThrownBy(() -> byDayAndService(file))
                .isInstanceOf(FocusFormatException.class)
                .hasMessage(file + ": not a Parquet file (no PAR1 magic at its start)");
    }

    @Test
    void aWrongTypeColumnNamesFileRowAndColumn() throws Exception {
        Path file = dir.resolve("wrong.parquet");
        try (DuckDb duck = new DuckDb()) {
            duck.copy(
                    "SELECT TIMESTAMP '2024-09-01 10:00:00' AS ChargePeriodStart, 'EC2' AS ServiceName, "
                            + "'USD' AS BillingCurrency, c AS EffectiveCost" + otherMandatory()
                            + " FROM (VALUES ('1.5'), ('2'), ('lots')) v(c)",
                    file,
                    "");
        }
        assertThatThrownBy(() -> byDayAndService(file))
                .isInstanceOf(FocusFormatException.class)
                .hasMessageStartingWith(file + ":3")
                .hasMessageContaining("EffectiveCost")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> CostTable.read(file, ReadOptions.DEFAULTS))
                .isInstanceOf(FocusFormatException.class)
                .hasMessageStartingWith(file + ":3")
                .hasMessageContaining("EffectiveCost");
        StreamingQuery.Answer lenient = StreamingQuery.execute(
                file,
                CostQuery.builder().build(),
                ReadOptions.builder().lenient(true).build());
        assertThat(lenient.accepted()).isEqualTo(2);
        assertThat(lenient.rejected()).isEqualTo(1);
        assertThat(lenient.rejects().get(0).line()).isEqualTo(3);
        assertThat(lenient.result().total()).isEqualTo(3.5);
    }

    @Test
    void aDirectoryMixingCsvAndParquetNamesBoth() throws Exception {
        file("a.parquet", "DOUBLE", "TIMESTAMP", "");
        Files.writeString(dir.resolve("b.csv"), "ChargePeriodStart,EffectiveCost\n2024-09-01,1\n");
        assertThatThrownBy(() -> byDayAndService(dir))
                .isInstanceOf(FocusFormatException.class)
                .hasMessageContaining("1 CSV file(s) (e.g. b.csv)")
                .hasMessageContaining("1 Parquet file(s) (e.g. a.parquet)");
    }

    @Test
    void aNonFocusFileSaysSo() throws Exception {
        Path file = dir.resolve("other.parquet");
        try (DuckDb duck = new DuckDb()) {
            duck.copy("SELECT 1 AS x", file, "");
        }
        assertThatThrownBy(() -> byDayAndService(file))
                .isInstanceOf(FocusFormatException.class)
                .hasMessageContaining("no FOCUS column in the Parquet schema (first column: 'x')");
    }

    @Test
    void nestedProviderColumnsAreSkippedAndReportedButNestedTagsAreAnError() throws Exception {
        Path file = dir.resolve("nested.parquet");
        Path tags = dir.resolve("tags.parquet");
        try (DuckDb duck = new DuckDb()) {
            duck.copy(
                    "SELECT TIMESTAMP '2024-09-01 10:00:00' AS ChargePeriodStart, 'EC2' AS ServiceName, "
                            + "'USD' AS BillingCurrency, 2.5 AS EffectiveCost, [1, 2] AS x_List, {'a': 1, 'b': 'c'} AS "
                            + "x_Struct, MAP {'k': 'v'} AS x_Map, 'last' AS x_After" + otherMandatory(),
                    file,
                    "");
            duck.copy(
                    "SELECT TIMESTAMP '2024-09-01 10:00:00' AS ChargePeriodStart, 'USD' AS BillingCurrency, "
                            + "2.5 AS EffectiveCost, MAP {'env': 'prod'} AS Tags" + otherMandatory(),
                    tags,
                    "");
        }
        CostTable table = CostTable.read(file, ReadOptions.DEFAULTS);
        assertThat(table.rowCount()).isEqualTo(1);
        assertThat(table.extraColumns()).containsExactly("x_After");
        assertThat(table.dataQuality())
                .extracting(d -> d.rule() + " " + d.column())
                .contains(
                        "SKIPPED_NESTED_COLUMN x_List",
                        "SKIPPED_NESTED_COLUMN x_Struct",
                        "SKIPPED_NESTED_COLUMN x_Map");
        assertThat(byDayAndService(file).total()).isEqualTo(2.5);
        assertThatThrownBy(() -> byDayAndService(tags))
                .isInstanceOf(FocusFormatException.class)
                .hasMessageContaining("column Tags")
                .hasMessageContaining("nested column");
    }

    @Test
    void aParquetFileNamedCsvIsStillParquet() throws Exception {
        Path file = file("export.csv", "DOUBLE", "TIMESTAMP", "");
        assertThat(FocusInput.format(file)).isEqualTo(FocusInput.Format.PARQUET);
        assertThat(byDayAndService(file).rows()).isEqualTo(3);
    }
}
