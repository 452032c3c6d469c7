package dev.costagent.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.CostOverview;
import dev.costagent.core.agent.Report;
import dev.costagent.core.agent.ReportSummary;
import dev.costagent.core.recommend.Fleet;
import dev.costagent.core.source.RecordsSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReportWriterTest {

    private static Report report;

    @BeforeAll
    static void run() {
        Fleet fleet = new Fleet()
                .compute("i-idle", "m5.xlarge", 0.192, "prod", 2, null)
                .compute("i-dev", "c5.xlarge", 0.17, "dev", 60, null);
        try (CostAgent agent = CostAgent.builder()
                .source(RecordsSource.of("fleet", fleet.records()))
                .utilization(fleet.series())
                .build()) {
            Report r = agent.run();
            // Add an anomaly marker and a hostile service name, as real data may have.
            CostOverview o = r.overview();
            List<CostOverview.ServiceShare> services = new ArrayList<>(o.topServices());
            services.add(new CostOverview.ServiceShare("<script>alert(1)</script>", 1, 0.01));
            CostOverview marked = new CostOverview(
                    o.daily(),
                    o.forecast(),
                    List.of(new CostOverview.AnomalyMarker(
                            o.daily().get(20).date(), "ServiceName", "Amazon EC2", 42, "HIGH")),
                    services);
            report = new Report(
                    r.schemaVersion(),
                    r.runId(),
                    r.generatedAt(),
                    r.summary(),
                    marked,
                    r.analyses(),
                    r.utilization(),
                    r.recommendations(),
                    r.narratives(),
                    r.timings(),
                    r.warnings(),
                    r.dataQuality());
        }
    }

    @Test
    void jsonHasTheDocumentedKeys() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportWriter.render(report, ReportFormat.JSON));
        assertThat(names(json))
                .containsExactly(
                        "schemaVersion",
                        "runId",
                        "generatedAt",
                        "summary",
                        "overview",
                        "analyses",
                        "utilization",
                        "recommendations",
                        "narratives",
                        "timings",
                        "warnings",
                        "dataQuality");
        assertThat(names(json.get("summary")))
                .containsExactly(
                        "rows",
                        "currency",
                        "totalCost",
                        "firstDay",
                        "lastDay",
                        "recommendations",
                        "monthlySavings",
                        "annualSavings",
                        "quickWins");
        assertThat(names(json.get("overview"))).containsExactly("daily", "forecast", "anomalies", "topServices");
        JsonNode rec = json.get("recommendations").get(0);
        assertThat(names(rec))
                .startsWith("id", "type", "resourceId")
                .contains(
                        "monthlySavings",
                        "annualSavings",
                        "confidence",
                        "risk",
                        "evidence",
                        "effort",
                        "horizon",
                        "steps",
                        "rollback");
        assertThat(names(rec.get("evidence"))).containsExactly("rule", "formula", "inputs");
        assertThat(rec.get("risk").asText()).isIn("LOW", "MEDIUM", "HIGH");
        JsonNode narrative = json.get("narratives").get(0);
        assertThat(names(narrative)).containsExactly("subject", "text", "source");
        assertThat(narrative.get("source").asText()).isEqualTo("template");
        assertThat(names(json.get("timings").get(0))).containsExactly("stage", "millis", "cached");
        assertThat(json.get("timings").get(0).get("stage").asText()).isEqualTo("ingest");
        assertThat(json.get("utilization").get(0).get("span").asText()).startsWith("PT");
        assertThat(names(json.get("analyses")))
                .contains("breakdowns", "trends", "forecast", "anomalies", "commitments", "utilization", "warnings");
        assertThat(names(json.get("analyses").get("forecast")))
                .contains("monthToDate", "endOfMonth", "lower80", "upper80", "lower95", "upper95");
    }

    @Test
    void recommendCommandDocumentIsAnObjectWithTheList() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportJson.recommendations(report.recommendations()));
        assertThat(names(json)).containsExactly("recommendations");
        assertThat(json.get("recommendations").size())
                .isEqualTo(report.recommendations().size());
    }

    @Test
    void htmlIsSelfContainedWithInlineCharts() {
        String html = ReportWriter.render(report, ReportFormat.HTML);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>");
        assertThat(count(html, "<script"))
                .as("one inline script (sorting, filtering), nothing loaded")
                .isEqualTo(1);
        assertThat(html)
                .contains("<script>(function(){")
                .contains("table class=\"recs sortable\"")
                .contains("id=\"rec-filter\"")
                .contains("<meta name=\"viewport\"")
                .contains("@media print")
                .contains("<div class=\"scroll\">");
        assertThat(Pattern.compile("(?i)https?:").matcher(html).find())
                .as("no http(s) references")
                .isFalse();
        assertThat(Pattern.compile("(?i)(src|href)\\s*=").matcher(html).find())
                .as("no external assets")
                .isFalse();
        assertThat(html)
                .contains("<svg")
                .contains("class=\"actual\"")
                .contains("class=\"band80\"")
                .contains("class=\"band95\"")
                .contains("class=\"forecast\"")
                .contains("class=\"anomaly\"");
        assertThat(count(html, "<svg")).isEqualTo(3); // daily cost, top services, savings by type
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        for (var r : report.recommendations()) {
            assertThat(html).contains(r.resourceId());
        }
    }

    @Test
    void markdownHasTheRecommendationTable() {
        String md = ReportWriter.render(report, ReportFormat.MARKDOWN);
        assertThat(md)
                .contains("# costagent report")
                .contains("| # | Type | Target | Monthly (USD) |")
                .contains("TERMINATE_IDLE")
                .contains("SCHEDULE")
                .contains("## Explanations")
                .contains("## Anomalies");
    }

    @Test
    void formatsParse() {
        assertThat(ReportFormat.parse("md")).isEqualTo(ReportFormat.MARKDOWN);
        assertThat(ReportFormat.parse("HTML")).isEqualTo(ReportFormat.HTML);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aEuroBillSaysEuroEverywhereTheReportPutsAnAmount() {
        ReportSummary usd = report.summary();
        ReportSummary eur = new ReportSummary(
                usd.rows(),
                "EUR",
                usd.totalCost(),
                usd.firstDay(),
                usd.lastDay(),
                usd.recommendations(),
                usd.monthlySavings(),
                usd.annualSavings(),
                usd.quickWins());
        Report euro = new Report(
                report.schemaVersion(),
                report.runId(),
                report.generatedAt(),
                eur,
                report.overview(),
                report.analyses(),
                report.utilization(),
                report.recommendations(),
                report.narratives(),
                report.timings(),
                report.warnings(),
                report.dataQuality());
        String html = ReportWriter.render(euro, ReportFormat.HTML);
        String md = ReportWriter.render(euro, ReportFormat.MARKDOWN);
        assertThat(html)
                .contains("EUR per day")
                .contains(" EUR</text>")
                .contains("Monthly (EUR)")
                .contains("amounts in EUR");
        assertThat(md).contains("Monthly (EUR)").contains(" EUR |");
        // the page's own amounts (cards, axes, tables) carry no other currency
        String chrome = html.replaceAll("(?s)<section id=\"explanations\">.*?</section>", "")
                .replaceAll("(?s)<td class=\"what\">.*?</td>", "");
        assertThat(chrome).doesNotContain("USD").doesNotContain("$");
    }
}
