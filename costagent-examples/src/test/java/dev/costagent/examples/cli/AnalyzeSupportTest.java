package dev.costagent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeSupportTest {

    @Test
    void demoDataGivesTheAnalyzeContractAndASelfContainedHtmlPage(@TempDir Path dir) throws Exception {
        Report report;
        try (CostAgent agent =
                AnalyzeSupport.agent(new AnalyzeSupport.Inputs(null, null, null, null, false, null), null)) {
            report = agent.run();
        }
        assertThat(report.summary().rows()).isGreaterThan(AnalyzeSupport.DEMO_ROWS);
        assertThat(report.recommendations())
                .extracting(r -> r.type().name())
                .contains("TERMINATE_IDLE", "RIGHTSIZE", "SCHEDULE", "UNUSED_COMMITMENT", "COMMITMENT_PURCHASE");
        assertThat(report.utilization()).isNotEmpty();

        JsonNode json = new ObjectMapper().readTree(AnalyzeSupport.analyzeJson(report));
        for (String key : List.of(
                "summary",
                "breakdowns",
                "trends",
                "forecast",
                "anomalies",
                "commitments",
                "recommendations",
                "narratives",
                "timings",
                "warnings",
                "dataQuality")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        for (String key : List.of("monthToDate", "endOfMonth", "lower80", "upper80", "lower95", "upper95")) {
            assertThat(json.get("forecast").has(key)).as("forecast." + key).isTrue();
        }
        JsonNode rec = json.get("recommendations").get(0);
        for (String key : List.of(
                "id", "type", "resourceId", "monthlySavings", "annualSavings", "confidence", "risk", "evidence")) {
            assertThat(rec.has(key)).as("recommendation." + key).isTrue();
        }
        JsonNode narrative = json.get("narratives").get(0);
        assertThat(narrative.get("source").asText()).isEqualTo("template");
        assertThat(narrative.has("subject")).isTrue();
        assertThat(narrative.has("text")).isTrue();

        Path html = dir.resolve("out/report.html");
        AnalyzeSupport.writeHtml(report, html);
        String page = Files.readString(html);
        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .contains("<svg")
                .doesNotContain("http://")
                .doesNotContain("https://");
    }
}
