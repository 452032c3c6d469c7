package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.costagent.core.focus.DataQualityIssue;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.FocusFormatException;
import dev.costagent.core.focus.FocusVersion;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.focus.RejectedRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One definition of a valid record for every command: whatever {@code ingest} (the table) rejects, {@code summarize}
 * (the streaming query) rejects too in strict mode and counts as rejected in lenient mode, at the same line and
 * column, whatever the query reads.
 */
class OneValidationTest {

    private static final List<String> HEADER = new ArrayList<>();

    static {
        FocusColumn.definedIn(FocusVersion.V1_0).forEach(c -> HEADER.add(c.columnName()));
        HEADER.add("x_Note");
    }

    @TempDir
    Path dir;

    static Stream<Arguments> badRows() {
        return Stream.of(
                Arguments.of("ChargePeriodStart", "2024-13-45 00:00:00".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("ChargePeriodStart", bytes("2024-02-30T00:00:00Z")),
                Arguments.of("ChargePeriodStart", bytes("1970-01-01T00:00:00Z")), // a mistyped year
                Arguments.of("ChargePeriodEnd", bytes("not a date")),
                Arguments.of("ChargePeriodEnd", bytes("2024-09-01T09:00:00Z")), // before the start
                Arguments.of("BillingPeriodStart", bytes("2024-09-31")),
                Arguments.of("BillingPeriodEnd", bytes("yesterday")),
                Arguments.of("BilledCost", bytes("abc")),
                Arguments.of("EffectiveCost", bytes("1.2.3")),
                Arguments.of("ListCost", bytes("--1")),
                Arguments.of("ContractedCost", bytes("12 USD")),
                Arguments.of("PricingQuantity", bytes("x")),
                Arguments.of("ConsumedQuantity", bytes("one")),
                Arguments.of("ListUnitPrice", bytes("free")),
                Arguments.of("ContractedUnitPrice", bytes("0x10")),
                Arguments.of("Tags", bytes("{not json")),
                Arguments.of("Tags", bytes("[1,2]")),
                Arguments.of("ChargeCategory", new byte[] {'U', 's', (byte) 0xFF, (byte) 0xFE, 'a', 'g', 'e'}),
                Arguments.of("ServiceName", new byte[] {'E', 'C', '2', 0}),
                Arguments.of("ResourceId", new byte[] {'i', '-', 1, '2'}),
                Arguments.of("RegionName", new byte[] {'U', 'S', ' ', (byte) 0xC3, '('}), // truncated sequence
                Arguments.of("SkuId", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), // a surrogate
                Arguments.of("x_Note", new byte[] {'o', 'k', (byte) 0xC0, (byte) 0xAF})); // overlong '/'
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void strictSummarizeAndIngestStopAtTheSameLineAndColumn(String column, byte[] value) throws IOException {
        Path file = fileWithBadRow(column, value);
        ReadOptions strict = ReadOptions.builder().threads(1).build();

        FocusFormatException ingest =
                catchThrowableOfType(() -> CostTable.read(file, strict), FocusFormatException.class);
        for (CostQuery query : queries()) {
            FocusFormatException summarize =
                    catchThrowableOfType(() -> StreamingQuery.execute(file, query, strict), FocusFormatException.class);
            assertThat(summarize).as("summarize %s", query.groupBy()).isNotNull();
            assertThat(summarize.line()).isEqualTo(4);
            assertThat(summarize.column()).isEqualTo(column);
            assertThat(summarize.getMessage())
                    .isEqualTo(ingest.getMessage())
                    .doesNotContain("\n")
                    .doesNotContain("\u0000");
        }
        assertThat(ingest.line()).isEqualTo(4);
        assertThat(ingest.column()).isEqualTo(column);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void lenientSummarizeAndIngestRejectTheSameRecord(String column, byte[] value) throws IOException {
        Path file = fileWithBadRow(column, value);
        ReadOptions lenient = ReadOptions.builder().threads(1).lenient(true).build();

        CostTable table = CostTable.read(file, lenient);
        assertThat(table.rowCount()).isEqualTo(3);
        assertThat(table.rejectedCount()).isEqualTo(1);
        RejectedRecord ingested = table.rejects().get(0);
        for (CostQuery query : queries()) {
            StreamingQuery.Answer answer = StreamingQuery.execute(file, query, lenient);
            assertThat(answer.accepted()).isEqualTo(3);
            assertThat(answer.rejected()).isEqualTo(1);
            RejectedRecord summarized = answer.rejects().get(0);
            assertThat(summarized.line()).isEqualTo(4).isEqualTo(ingested.line());
            assertThat(summarized.column()).isEqualTo(column).isEqualTo(ingested.column());
            assertThat(summarized.reason()).isEqualTo(ingested.reason());
            assertThat(answer.result().total()).isEqualTo(3.0);
        }
    }

    @Test
    void valuesOutsideTheAllowedSetsAreReportedWithAnExampleNotRejected() throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(validRow(i));
        }
        rows.get(1).put("PricingCategory", "On-Demand");
        rows.get(2).put("ChargeCategory", "usage");
        rows.get(2).put("ChargePeriodEnd", rows.get(2).get("ChargePeriodStart"));
        Path file = write(rows, null, null);

        for (List<DataQualityIssue> quality : List.of(
                CostTable.read(file, ReadOptions.DEFAULTS).dataQuality(),
                StreamingQuery.execute(file, queries().get(0), ReadOptions.DEFAULTS)
                        .dataQuality())) {
            assertThat(quality)
                    .contains(
                            new DataQualityIssue(
                                    DataQualityIssue.VALUE_NOT_ALLOWED,
                                    "ChargeCategory",
                                    1,
                                    "value outside FOCUS's allowed set [Usage, Purchase, Tax, Credit, Adjustment]; rows kept",
                                    "usage"),
                            new DataQualityIssue(
                                    DataQualityIssue.VALUE_NOT_ALLOWED,
                                    "PricingCategory",
                                    1,
                                    "value outside FOCUS's allowed set [Standard, Dynamic, Committed, Other]; rows kept",
                                    "On-Demand"));
            assertThat(quality).anySatisfy(q -> {
                assertThat(q.rule()).isEqualTo(DataQualityIssue.CHARGE_PERIOD_END_NOT_AFTER_START);
                assertThat(q.rowsAffected()).isEqualTo(1);
                assertThat(q.example()).isNotBlank();
            });
        }
    }

    private static List<CostQuery> queries() {
        return List.of(
                CostQuery.builder()
                        .groupBy(Dimension.of(FocusColumn.SERVICE_NAME))
                        .build(),
                CostQuery.builder()
                        .metric(Metric.BILLED_COST)
                        .groupBy(Dimension.DAY)
                        .build(),
                CostQuery.builder().build());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> validRow(int i) {
        Map<String, String> row = new LinkedHashMap<>();
        HEADER.forEach(c -> row.put(c, ""));
        row.put("BilledCost", "1");
        row.put("EffectiveCost", "1");
        row.put("ListCost", "1");
        row.put("ContractedCost", "1");
        row.put("PricingQuantity", "1");
        row.put("BillingAccountId", "123");
        row.put("BillingCurrency", "USD");
        row.put("BillingPeriodStart", "2024-09-01T00:00:00Z");
        row.put("BillingPeriodEnd", "2024-10-01T00:00:00Z");
        row.put("ChargeCategory", "Usage");
        row.put("ChargePeriodStart", "2024-09-01T1" + i + ":00:00Z");
        row.put("ChargePeriodEnd", "2024-09-01T1" + (i + 1) + ":00:00Z");
        row.put("InvoiceIssuerName", "AWS");
        row.put("ProviderName", "AWS");
        row.put("PublisherName", "AWS");
        row.put("ServiceCategory", "Compute");
        row.put("ServiceName", "EC2");
        row.put("Tags", "{\"env\":\"prod\"}");
        return row;
    }

    /** Lines 2, 3 and 5 valid; line 4 valid but for {@code column}. */
    private Path fileWithBadRow(String column, byte[] value) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(validRow(i));
        }
        return write(rows, column, value);
    }

    private Path write(List<Map<String, String>> rows, String badColumn, byte[] badValue) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(String.join(",", HEADER).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        for (int r = 0; r < rows.size(); r++) {
            Map<String, String> row = rows.get(r);
            for (int c = 0; c < HEADER.size(); c++) {
                if (c > 0) {
                    out.write(',');
                }
                String name = HEADER.get(c);
                byte[] cell = r == 2 && name.equals(badColumn)
                        ? badValue
                        : row.get(name).getBytes(StandardCharsets.UTF_8);
                boolean quote = new String(cell, StandardCharsets.ISO_8859_1).matches("(?s).*[\",\n].*");
                if (quote) {
                    out.write('"');
                    out.write(new String(cell, StandardCharsets.ISO_8859_1)
                            .replace("\"", "\"\"")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write('"');
                } else {
                    out.write(cell);
                }
            }
            out.write('\n');
        }
        Path file = dir.resolve("bad-" + (badColumn == null ? "none" : badColumn) + ".csv");
        Files.write(file, out.toByteArray());
        return file;
    }
}
