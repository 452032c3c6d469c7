package dev.costagent.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.focus.parse.TagsParser;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.CostTable;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Metric;
import dev.costagent.core.table.QueryException;
import dev.costagent.core.table.QueryResult;
import dev.costagent.core.testing.FocusCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader accepts, and the clear error for each kind of bad input. */
class FocusReaderTest {

    @TempDir
    Path dir;

    private static final ReadOptions STRICT = ReadOptions.DEFAULTS;
    private static final ReadOptions LENIENT =
            ReadOptions.builder().lenient(true).build();

    @Test
    void readsQuotedNewlinesDoubledQuotesNullsBomAndCrlf() throws IOException {
        String text = "\uFEFF"
                + FocusCsv.standard()
                        .crlf()
                        .row("ServiceName", "\"Amazon \"\"Elastic\"\" Compute\r\nCloud\"")
                        .row("ServiceName", "NULL", "BilledCost", "\"3.25\"")
                        .row("ChargePeriodStart", "2024-09-18 21:00:00", "ChargePeriodEnd", "2024-09-18 22:00:00")
                        .text();
        Path file = dir.resolve("quirks.csv");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));

        CostTable table = CostTable.read(file, STRICT);
        QueryResult services = table.execute(CostQuery.builder()
                .metric(Metric.BILLED_COST)
                .groupBy(Dimension.column("ServiceName"))
                .build());

        assertThat(table.rowCount()).isEqualTo(3);
        assertThat(services.groups())
                .extracting(g -> g.key(0))
                .containsExactly(null, "Amazon \"Elastic\" Compute\r\nCloud", "Amazon EC2");
        assertThat(services.groups().get(0).value()).isEqualTo(3.25);
        assertThat(table.execute(CostQuery.builder().groupBy(Dimension.HOUR).build())
                        .groups())
                .extracting(g -> g.key(0))
                .containsExactly("2024-09-18T21", "2024-09-18T22");
    }

    @Test
    void readsAnyColumnOrderAndKeepsProviderColumns() throws IOException {
        List<String> columns = new java.util.ArrayList<>(FocusCsv.DEFAULTS.keySet());
        java.util.Collections.reverse(columns);
        columns.add("x_InstanceType");
        FocusCsv csv = FocusCsv.withColumns(columns.toArray(new String[0]))
                .row("x_InstanceType", "m5.xlarge")
                .row("x_InstanceType", "m5.large", "EffectiveCost", "2");

        CostTable table = CostTable.read(csv.write(dir.resolve("reversed.csv")), STRICT);
        QueryResult byType = table.execute(
                CostQuery.builder().groupBy(Dimension.column("x_InstanceType")).build());

        assertThat(table.extraColumns()).containsExactly("x_InstanceType");
        assertThat(byType.groups())
                .extracting(g -> g.key(0), QueryResult.Group::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("m5.large", 2.0),
                        org.assertj.core.groups.Tuple.tuple("m5.xlarge", 1.25));
    }

    @Test
    void readsGzipAndDirectories() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("exports"));
        FocusCsv.standard().row().row().write(folder.resolve("a.csv"));
        FocusCsv.standard().row("EffectiveCost", "10").write(folder.resolve("b.csv.gz"));
        Files.writeString(folder.resolve("notes.txt"), "not billing data");

        CostTable table = CostTable.read(folder, STRICT);

        assertThat(table.rowCount()).isEqualTo(3);
        assertThat(table.execute(CostQuery.builder().build()).total()).isEqualTo(12.5);
    }

    @Test
    void readsTagsAsJsonAndAzureStyle() throws IOException {
        List<String> columns = new java.util.ArrayList<>(FocusCsv.DEFAULTS.keySet());
        columns.add("Tags");
        FocusCsv csv = FocusCsv.withColumns(columns.toArray(new String[0]))
                .row("Tags", "\"{\"\"env\"\": \"\"prod\"\", \"\"cost\"\": 42, \"\"on\"\": true, \"\"x\"\": null}\"")
                .row("Tags", "\"\"\"env\"\": \"\"dev\"\",\"\"team\"\":\"\"data\"\"\"")
                .row("Tags", "NULL");

        CostTable table = CostTable.read(csv.write(dir.resolve("tags.csv")), STRICT);

        assertThat(table.execute(CostQuery.builder()
                                .groupBy(Dimension.tag("env"))
                                .build())
                        .groups())
                .extracting(g -> g.key(0))
                .containsExactly(null, "dev", "prod");
        assertThat(table.execute(CostQuery.builder()
                                .groupBy(Dimension.tag("cost"))
                                .build())
                        .groups())
                .extracting(g -> g.key(0))
                .containsExactly(null, "42");
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        Path file = Files.write(dir.resolve("empty.csv"), new byte[0]);
        assertThatThrownBy(() -> CostTable.read(file, LENIENT))
                .isInstanceOf(FocusFormatException.class)
                .hasMessage(file + ": empty file: no header and no records");
    }

    @Test
    void headerOnlyIsAnError() throws IOException {
        Path file = FocusCsv.standard().write(dir.resolve("header.csv"));
        assertThatThrownBy(() -> CostTable.read(file, LENIENT))
                .isInstanceOf(FocusFormatException.class)
                .hasMessage(file + ": header only: the file has no data records");
    }

    @Test
    void truncatedGzipIsAnError() throws IOException {
        Path whole = FocusCsv.standard().row().row().row().write(dir.resolve("whole.csv.gz"));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.csv.gz"), Arrays.copyOf(bytes, bytes.length - 12));
        assertThatThrownBy(() -> CostTable.read(truncated, STRICT))
                .isInstanceOf(FocusFormatException.class)
                .hasMessage(truncated + ": truncated gzip: the compressed stream ends before its end marker");
    }

    @Test
    void wrongDelimiterIsAnError() throws IOException {
        Path file = dir.resolve("semicolons.csv");
        Files.writeString(file, FocusCsv.standard().row().text().replace(',', ';'));
        assertThatThrownBy(() -> CostTable.read(file, STRICT))
                .isInstanceOf(FocusFormatException.class)
                .hasMessage(file + ":1: wrong delimiter: the header is separated by ';', FOCUS CSV is comma-separated");
    }

    @Test
    void strictModeNamesFileLineColumnAndReason() throws IOException {
        Path file =
                FocusCsv.standard().row().row().row("BilledCost", "12,34").row().write(dir.resolve("bad.csv"));
        assertThatThrownBy(() -> CostTable.read(file, STRICT))
                .isInstanceOf(FocusFormatException.class)
                .hasMessage(file + ":4: expected 21 fields, found 22");

        Path number = FocusCsv.standard().row().row("EffectiveCost", "1.2.3").write(dir.resolve("number.csv"));
        assertThatThrownBy(() -> CostTable.read(number, STRICT))
                .hasMessage(number + ":3: column EffectiveCost: unparsable number '1.2.3'");

        Path date = FocusCsv.standard().row("ChargePeriodStart", "18/09/2024").write(dir.resolve("date.csv"));
        assertThatThrownBy(() -> CostTable.read(date, STRICT))
                .hasMessage(date
                        + ":2: column ChargePeriodStart: unparsable timestamp '18/09/2024' (expected ISO 8601 or YYYY-MM-DD"
                        + " HH:MM:SS)");

        Path quote = FocusCsv.standard()
                .row()
                .row("ServiceName", "\"never closed")
                .row()
                .write(dir.resolve("q.csv"));
        assertThatThrownBy(() -> CostTable.read(quote, STRICT))
                .hasMessage(
                        quote + ":3: column ServiceName: unterminated quote (the field opened with \" never closes)");
    }

    @Test
    void badTagsAreRejectedWithTheParsersReasonByTheTableAndTheStreamingQuery() throws IOException {
        List<String> columns = new java.util.ArrayList<>(FocusCsv.DEFAULTS.keySet());
        columns.add("Tags");
        Path file = FocusCsv.withColumns(columns.toArray(new String[0]))
                .row("Tags", "\"{\"\"env\"\": \"\"prod\"\"}\"")
                .row("Tags", "not tags")
                .row("Tags", "not tags")
                .write(dir.resolve("bad-tags.csv"));
        String reason;
        try {
            TagsParser.parse("not tags");
            throw new AssertionError("'not tags' parsed");
        } catch (IllegalArgumentException e) {
            reason = e.getMessage();
        }

        CostTable table = CostTable.read(file, LENIENT);
        dev.costagent.core.table.StreamingQuery.Answer streamed = dev.costagent.core.table.StreamingQuery.execute(
                file, CostQuery.builder().groupBy(Dimension.tag("env")).build(), LENIENT);

        assertThat(table.rejects())
                .extracting(RejectedRecord::line, RejectedRecord::column, RejectedRecord::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "Tags", reason),
                        org.assertj.core.groups.Tuple.tuple(4L, "Tags", reason));
        assertThat(streamed.rejects())
                .extracting(RejectedRecord::line, RejectedRecord::column, RejectedRecord::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "Tags", reason),
                        org.assertj.core.groups.Tuple.tuple(4L, "Tags", reason));
    }

    @Test
    void fractionalRangeBoundsKeepTheRowsTimeRangeContainsInTheTableAndTheStreamingQuery() throws IOException {
        Path file = FocusCsv.standard()
                .row("ChargePeriodStart", "2024-09-18T21:00:00Z")
                .row("ChargePeriodStart", "2024-09-18T22:00:00Z")
                .row("ChargePeriodStart", "2024-09-18T23:00:00Z")
                .write(dir.resolve("range.csv"));
        java.time.Instant at22 = java.time.Instant.parse("2024-09-18T22:00:00Z");
        // Starts half a second after 21:00 and ends half a second after 22:00: only the 22:00 row is inside.
        dev.costagent.core.table.TimeRange range = new dev.costagent.core.table.TimeRange(
                java.time.Instant.parse("2024-09-18T21:00:00.5Z"), at22.plusMillis(500));
        assertThat(range.contains(at22)).isTrue();
        CostQuery query = CostQuery.builder().range(range).build();

        long tableRows = CostTable.read(file, STRICT).execute(query).rows();
        long streamedRows = dev.costagent.core.table.StreamingQuery.execute(file, query, STRICT)
                .result()
                .rows();

        assertThat(tableRows).isEqualTo(1);
        assertThat(streamedRows).isEqualTo(1);
    }

    @Test
    void lineNumbersCountQuotedNewlines() throws IOException {
        Path file = FocusCsv.standard()
                .row("ChargeDescription", "\"two\nlines\"")
                .row("BilledCost", "x")
                .write(dir.resolve("lines.csv"));
        assertThatThrownBy(() -> CostTable.read(file, STRICT))
                .hasMessage(file + ":4: column BilledCost: unparsable number 'x'");
    }

    @Test
    void lenientModeCountsEveryRejectAndKeepsTheRest() throws IOException {
        Path file = FocusCsv.standard()
                .row()
                .row("BilledCost", "abc")
                .row()
                .raw("only,three,fields")
                .row("ChargePeriodEnd", "2024-09-18T21:00:00Z")
                .row()
                .write(dir.resolve("mixed.csv"));

        CostTable table = CostTable.read(file, LENIENT);

        assertThat(table.rowCount()).isEqualTo(3);
        assertThat(table.rejectedCount()).isEqualTo(3);
        assertThat(table.rowCount() + table.rejectedCount()).isEqualTo(6);
        assertThat(table.rejects())
                .extracting(RejectedRecord::line, RejectedRecord::column, RejectedRecord::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "BilledCost", "unparsable number 'abc'"),
                        org.assertj.core.groups.Tuple.tuple(5L, null, "expected 21 fields, found 3"),
                        org.assertj.core.groups.Tuple.tuple(
                                6L, "ChargePeriodEnd", "ChargePeriodEnd is before ChargePeriodStart"));
        assertThat(table.rejects().get(1).snippet()).isEqualTo("only,three,fields");
    }

    @Test
    void missingMandatoryColumnIsAnErrorInStrictModeAndAFindingInLenientMode() throws IOException {
        List<String> columns = new java.util.ArrayList<>(FocusCsv.DEFAULTS.keySet());
        columns.remove("ContractedCost");
        Path file =
                FocusCsv.withColumns(columns.toArray(new String[0])).row().row().write(dir.resolve("m.csv"));

        assertThatThrownBy(() -> CostTable.read(file, STRICT))
                .hasMessage(file + ":1: column ContractedCost: mandatory FOCUS 1.0 column missing from the header");

        CostTable table = CostTable.read(file, LENIENT);
        assertThat(table.dataQuality())
                .extracting(DataQualityIssue::rule, DataQualityIssue::column, DataQualityIssue::rowsAffected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        DataQualityIssue.MISSING_MANDATORY_COLUMN, "ContractedCost", 2L));
        assertThat(table.execute(CostQuery.builder().build()).total()).isEqualTo(2.5);
        assertThatThrownBy(() -> table.execute(
                        CostQuery.builder().metric(Metric.CONTRACTED_COST).build()))
                .isInstanceOf(QueryException.class)
                .hasMessage("column ContractedCost is absent from the input");
    }

    @Test
    void mixedCurrenciesAreAnErrorUnlessPerCurrencyResultsAreAsked() throws IOException {
        Path file = FocusCsv.standard().row().row("BillingCurrency", "EUR").write(dir.resolve("fx.csv"));
        CostTable table = CostTable.read(file, STRICT);

        assertThatThrownBy(() -> table.execute(CostQuery.builder().build()))
                .isInstanceOf(QueryException.class)
                .hasMessage("mixed BillingCurrency [EUR, USD] in one dataset: group by BillingCurrency (per-currency"
                        + " results) or filter to one currency");
        assertThat(table.execute(CostQuery.builder()
                                .groupBy(Dimension.column("BillingCurrency"))
                                .build())
                        .groups())
                .hasSize(2);
    }

    @Test
    void parallelStretchesGiveTheSameTableAsOneThreadEvenAcrossQuotedNewlines() throws IOException {
        FocusCsv csv = FocusCsv.standard();
        for (int i = 0; i < 3000; i++) {
            String description = i % 3 == 0 ? "\"line one\nline \"\"two\"\"\n,three " + i + "\"" : "plain " + i;
            csv.row(
                    "ChargeDescription",
                    description,
                    "EffectiveCost",
                    Integer.toString(i % 97),
                    "ServiceName",
                    "svc" + (i % 7));
        }
        Path file = csv.write(dir.resolve("many.csv"));
        CostQuery query = CostQuery.builder()
                .groupBy(Dimension.column("ServiceName"), Dimension.column("ChargeDescription"))
                .build();

        QueryResult sequential =
                CostTable.read(file, ReadOptions.builder().threads(1).build()).execute(query);
        for (int chunk : new int[] {1024, 1500, 4096, 10_000}) {
            ReadOptions parallel =
                    ReadOptions.builder().threads(2).chunkBytes(chunk).build();
            assertThat(CostTable.read(file, parallel).execute(query))
                    .as("chunk %d", chunk)
                    .isEqualTo(sequential);
        }
        assertThat(sequential.rows()).isEqualTo(3000);
    }
}
