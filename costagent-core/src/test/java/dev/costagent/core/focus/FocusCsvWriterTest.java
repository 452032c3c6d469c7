package dev.costagent.core.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.testing.Rfc4180;
import dev.costagent.core.testing.Rfc4180.Cell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FocusCsvWriterTest {

    private static final List<String> EXTRA = List.of("x_InstanceType", "x_Note");

    @TempDir
    Path dir;

    @Test
    void headerIsFocusColumnsInEnumOrderThenExtras() throws IOException {
        List<List<Cell>> rows = Rfc4180.parse(write(List.of()));
        List<String> header = rows.get(0).stream().map(Cell::text).toList();
        assertThat(header)
                .hasSize(FocusColumn.definedIn(dev.costagent.core.focus.FocusVersion.V1_0)
                                .size()
                        + 2);
        for (FocusColumn column : FocusColumn.definedIn(dev.costagent.core.focus.FocusVersion.V1_0)) {
            assertThat(header.get(column.ordinal())).isEqualTo(column.columnName());
        }
        assertThat(header.subList(
                        FocusColumn.definedIn(dev.costagent.core.focus.FocusVersion.V1_0)
                                .size(),
                        header.size()))
                .isEqualTo(EXTRA);
    }

    @Test
    void awkwardTextRoundTripsThroughAnIndependentParser() throws IOException {
        List<String> descriptions = List.of(
                "plain",
                "comma, inside",
                "a \"quoted\" word",
                "line one\nline two",
                "crlf\r\nend",
                "\"starts and ends with quotes\"",
                ",",
                "\"",
                "unicode: naïve 東京 😀",
                "   spaces kept   ");
        List<CostRecord> records = new ArrayList<>();
        for (String description : descriptions) {
            records.add(sample().chargeDescription(description)
                    .extra("x_Note", description)
                    .build());
        }
        List<List<Cell>> rows = Rfc4180.parse(write(records));
        assertThat(rows).hasSize(descriptions.size() + 1);
        int descriptionColumn = FocusColumn.CHARGE_DESCRIPTION.ordinal();
        int noteColumn = FocusColumn.definedIn(dev.costagent.core.focus.FocusVersion.V1_0)
                        .size()
                + 1;
        for (int i = 0; i < descriptions.size(); i++) {
            List<Cell> row = rows.get(i + 1);
            assertThat(row)
                    .hasSize(FocusColumn.definedIn(dev.costagent.core.focus.FocusVersion.V1_0)
                                    .size()
                            + EXTRA.size());
            assertThat(row.get(descriptionColumn).value()).isEqualTo(descriptions.get(i));
            assertThat(row.get(noteColumn).value()).isEqualTo(descriptions.get(i));
        }
    }

    @Test
    void valuesAreWrittenInTheDocumentedForms() throws IOException {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("env", "prod");
        tags.put("note", "say \"hi\", ok\\");
        tags.put("empty", null);
        CostRecord record = sample().billedCost(new BigDecimal("1E-10"))
                .effectiveCost(new BigDecimal("12345678901234567890.5"))
                .chargePeriodStart(Instant.parse("2024-09-18T22:00:00Z"))
                .chargePeriodEnd(Instant.parse("2024-09-18T23:00:00.250Z"))
                .resourceName("")
                .tags(tags)
                .build();
        List<Cell> row = Rfc4180.parse(write(List.of(record))).get(1);
        assertThat(cell(row, FocusColumn.BILLED_COST)).isEqualTo("0.0000000001");
        assertThat(cell(row, FocusColumn.EFFECTIVE_COST)).isEqualTo("12345678901234567890.5");
        assertThat(cell(row, FocusColumn.CHARGE_PERIOD_START)).isEqualTo("2024-09-18T22:00:00Z");
        assertThat(cell(row, FocusColumn.CHARGE_PERIOD_END)).isEqualTo("2024-09-18T23:00:00.250Z");
        assertThat(cell(row, FocusColumn.TAGS))
                .isEqualTo("{\"env\":\"prod\",\"note\":\"say \\\"hi\\\", ok\\\\\",\"empty\":null}");
        // null stays an empty cell, an empty string is a quoted empty cell
        assertThat(row.get(FocusColumn.AVAILABILITY_ZONE.ordinal())).isEqualTo(new Cell("", false));
        assertThat(row.get(FocusColumn.RESOURCE_NAME.ordinal())).isEqualTo(new Cell("", true));
        assertThat(row.get(FocusColumn.definedIn(dev.costagent.core.focus.FocusVersion.V1_0)
                                .size())
                        .value())
                .isEqualTo("m5.xlarge");
    }

    @Test
    void repeatedCellsComeOutTheSameAsFreshOnes() throws IOException {
        // The writer caches encoded cells; a cached copy must equal a fresh encoding, whatever the order.
        List<CostRecord> records = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            records.add(sample().chargeDescription(i % 3 == 0 ? "a, b" : "desc " + (i % 7))
                    .tag("k", "v" + (i % 5))
                    .build());
        }
        List<List<Cell>> rows = Rfc4180.parse(write(records));
        for (int i = 0; i < records.size(); i++) {
            assertThat(cell(rows.get(i + 1), FocusColumn.CHARGE_DESCRIPTION))
                    .isEqualTo(records.get(i).chargeDescription());
            assertThat(cell(rows.get(i + 1), FocusColumn.TAGS)).isEqualTo("{\"k\":\"v" + (i % 5) + "\"}");
        }
    }

    @Test
    void gzPathIsCompressed() throws IOException {
        Path file = dir.resolve("out.csv.gz");
        try (FocusCsvWriter writer = FocusCsvWriter.open(file, EXTRA)) {
            writer.write(sample().build());
            assertThat(writer.rowsWritten()).isEqualTo(1);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(Rfc4180.parse(csv)).hasSize(2);
        }
    }

    @Test
    void anExtraColumnOutsideTheHeaderIsAnError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FocusCsvWriter writer = FocusCsvWriter.to(out, List.of());
        assertThatThrownBy(() -> writer.write(sample().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x_InstanceType");
    }

    @Test
    void extraColumnsMustBeNewAndDistinct() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> FocusCsvWriter.to(out, List.of("BilledCost")))
                .hasMessageContaining("BilledCost is a FOCUS column");
        assertThatThrownBy(() -> FocusCsvWriter.to(out, List.of("x_A", "x_A"))).hasMessageContaining("duplicate");
    }

    private static String cell(List<Cell> row, FocusColumn column) {
        return row.get(column.ordinal()).value();
    }

    private String write(List<CostRecord> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FocusCsvWriter writer = FocusCsvWriter.to(out, EXTRA)) {
            records.forEach(writer::write);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static CostRecord.Builder sample() {
        return CostRecord.builder()
                .billedCost(new BigDecimal("0.1920000000"))
                .effectiveCost(new BigDecimal("0.1920000000"))
                .listCost(new BigDecimal("0.1920000000"))
                .contractedCost(new BigDecimal("0.1920000000"))
                .billingCurrency("USD")
                .chargeCategory("Usage")
                .chargeDescription("$0.192 per On Demand Linux m5.xlarge Instance Hour")
                .chargePeriodStart(Instant.parse("2024-09-01T00:00:00Z"))
                .chargePeriodEnd(Instant.parse("2024-09-01T01:00:00Z"))
                .providerName("AWS")
                .serviceName("Amazon Elastic Compute Cloud")
                .extra("x_InstanceType", "m5.xlarge");
    }
}
