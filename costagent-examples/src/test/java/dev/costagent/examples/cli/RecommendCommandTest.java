package dev.costagent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.focus.FocusCsvWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecommendCommandTest {

    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");
    private static final int HOURS = 72;

    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RecommendCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, line, parse) -> {
            line.getErr().println("costagent: " + e.getMessage());
            return 2;
        });
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Two m5.xlarge instances for three days: one idle, one over-provisioned; instance types only in the inventory. */
    private static Path writeFleet(Path dir) throws Exception {
        Path billing = dir.resolve("billing.csv");
        try (FocusCsvWriter writer = FocusCsvWriter.open(billing, List.of())) {
            for (String id : List.of("i-idle", "i-over")) {
                for (int h = 0; h < HOURS; h++) {
                    Instant t = START.plusSeconds(h * 3600L);
                    writer.write(CostRecord.builder()
                            .chargePeriodStart(t)
                            .chargePeriodEnd(t.plusSeconds(3600))
                            .billingPeriodStart(START)
                            .billingPeriodEnd(Instant.parse("2024-10-01T00:00:00Z"))
                            .resourceId(id)
                            .serviceName("Amazon Elastic Compute Cloud")
                            .serviceCategory("Compute")
                            .chargeCategory("Usage")
                            .chargeClass(null)
                            .chargeDescription("instance hours")
                            .pricingCategory("Standard")
                            .providerName("AWS")
                            .publisherName("AWS")
                            .invoiceIssuerName("AWS")
                            .billingAccountId("1")
                            .billingAccountName("a")
                            .billingCurrency("USD")
                            .pricingUnit("Hours")
                            .pricingQuantity(BigDecimal.ONE)
                            .effectiveCost(new BigDecimal("0.192"))
                            .billedCost(new BigDecimal("0.192"))
                            .listCost(new BigDecimal("0.192"))
                            .contractedCost(new BigDecimal("0.192"))
                            .tags(Map.of("env", "prod"))
                            .build());
                }
            }
        }
        StringBuilder cpu = new StringBuilder("ResourceId,Timestamp,Metric,Value\n");
        for (int i = 0; i < HOURS * 12; i++) {
            String ts = START.plusSeconds(i * 300L).toString();
            cpu.append("i-idle,").append(ts).append(",cpu,1.5\n");
            cpu.append("i-over,").append(ts).append(",cpu,").append(10 + i % 5).append('\n');
        }
        Files.writeString(dir.resolve("cpu.csv"), cpu);
        Files.writeString(
                dir.resolve("inventory.csv"), "ResourceId,InstanceType\ni-idle,m5.xlarge\ni-over,m5.xlarge\n");
        return billing;
    }

    @Test
    void recommendsFromFilesAsJson(@TempDir Path dir) throws Exception {
        Path billing = writeFleet(dir);
        Outcome o = run(
                "--input",
                billing.toString(),
                "--utilization",
                dir.resolve("cpu.csv").toString(),
                "--inventory",
                dir.resolve("inventory.csv").toString(),
                "--format",
                "json",
                "--quiet");
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(o.out());
        assertThat(json.fieldNames().next()).isEqualTo("recommendations");
        JsonNode recs = json.get("recommendations");
        assertThat(recs).isNotEmpty();
        for (JsonNode r : recs) {
            for (String key : List.of(
                    "id", "type", "resourceId", "monthlySavings", "annualSavings", "confidence", "risk", "evidence")) {
                assertThat(r.has(key)).as(key).isTrue();
            }
        }
        assertThat(recs.findValuesAsText("type")).contains("TERMINATE_IDLE", "RIGHTSIZE");
        JsonNode idle = recs.findParents("type").stream()
                .filter(r -> r.get("resourceId").asText().equals("i-idle"))
                .findFirst()
                .orElseThrow();
        assertThat(idle.get("monthlySavings").asDouble())
                .isEqualTo(0.192 * 730, org.assertj.core.data.Offset.offset(0.01));
        JsonNode over = recs.findParents("type").stream()
                .filter(r -> r.get("resourceId").asText().equals("i-over"))
                .findFirst()
                .orElseThrow();
        assertThat(over.get("evidence").get("inputs").get("targetType").asText())
                .isEqualTo("m5.large");
        assertThat(over.get("evidence").get("inputs").get("currentTypeSource").asText())
                .isEqualTo("inventory");
    }

    @Test
    void tableFormatListsTheRankedRecommendations(@TempDir Path dir) throws Exception {
        Path billing = writeFleet(dir);
        Outcome o = run(
                "--input",
                billing.toString(),
                "--utilization",
                dir.resolve("cpu.csv").toString(),
                "--quiet");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("TERMINATE_IDLE").contains("i-idle").contains("per month");
    }

    @Test
    void withoutAnInventoryAnUnknownTypeIsAWarningOnStderr(@TempDir Path dir) throws Exception {
        Path billing = writeFleet(dir);
        Outcome o = run(
                "--input",
                billing.toString(),
                "--utilization",
                dir.resolve("cpu.csv").toString());
        assertThat(o.code()).isZero();
        assertThat(o.err()).contains("warning: cannot rightsize i-over: instance type unknown");
    }

    @Test
    void withoutInputItRunsOnGeneratedDemoData() throws Exception {
        Outcome o = run("--format", "json", "--quiet");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(new ObjectMapper().readTree(o.out()).get("recommendations").isArray())
                .isTrue();
    }

    @Test
    void badArgumentsAreOneLineErrors(@TempDir Path dir) {
        Outcome missing = run("--input", dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).contains("does not exist").doesNotContain("\n");
        Outcome format = run("--format", "xml");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("expected table or json");
    }
}
