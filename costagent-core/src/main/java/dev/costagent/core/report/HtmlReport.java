package dev.costagent.core.report;

import dev.costagent.core.agent.CostOverview;
import dev.costagent.core.agent.Report;
import dev.costagent.core.agent.ReportSummary;
import dev.costagent.core.agent.StageTiming;
import dev.costagent.core.narrate.Narrative;
import dev.costagent.core.recommend.Recommendation;
import dev.costagent.core.recommend.RecommendationType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page: inline CSS, inline SVG charts (daily cost with forecast band and anomaly markers, top
 * services, savings by type) and tables. It references nothing outside itself, so it opens offline and can be mailed.
 */
final class HtmlReport {

    private static final String CSS = "body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328;max-width:1100px}"
            + "table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid #d0d7de;padding:4px 8px;"
            + "text-align:left;vertical-align:top}td.num{text-align:right}th{background:#f6f8fa}"
            + ".quick{color:#1a7f37;font-weight:600}.muted{color:#656d76}.chart{max-width:860px}"
            + "h1{margin-bottom:0}section{margin-top:2rem}";

    private HtmlReport() {}

    static String render(Report report) {
        ReportSummary s = report.summary();
        String cur = s.currency();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>costagent report</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>costagent report</h1>\n<p class=\"muted\">").append(Html.escape(s.firstDay())).append(" to ")
                .append(Html.escape(s.lastDay())).append(" · ").append(s.rows()).append(" rows · generated ")
                .append(Html.escape(report.generatedAt())).append("</p>\n");
        h.append("<table><tr><th>Total cost</th><th>Recommendations</th><th>Monthly savings</th>"
                + "<th>Annual savings</th><th>Quick wins</th></tr><tr>")
                .append(num(MarkdownReport.money(s.totalCost(), cur))).append(num(Integer.toString(s.recommendations())))
                .append(num(MarkdownReport.money(s.monthlySavings(), cur)))
                .append(num(MarkdownReport.money(s.annualSavings(), cur)))
                .append(num(Integer.toString(s.quickWins()))).append("</tr></table>\n");

        CostOverview o = report.overview();
        h.append("<section><h2>Daily cost</h2>\n").append(SvgChart.dailyCost(o)).append("</section>\n");

        List<String> services = new ArrayList<>();
        List<Double> serviceCost = new ArrayList<>();
        for (CostOverview.ServiceShare svc : o.topServices()) {
            services.add(svc.service());
            serviceCost.add(svc.cost());
        }
        h.append("<section><h2>Top services</h2>\n").append(SvgChart.bars("Top services by cost", services,
                serviceCost, cur)).append("</section>\n");

        Map<RecommendationType, Double> byType = new EnumMap<>(RecommendationType.class);
        for (Recommendation r : report.recommendations()) {
            byType.merge(r.type(), r.monthlySavings(), Double::sum);
        }
        List<Map.Entry<RecommendationType, Double>> types = new ArrayList<>(byType.entrySet());
        types.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        h.append("<section><h2>Monthly savings by type</h2>\n").append(SvgChart.bars("Monthly savings by type",
                types.stream().map(e -> e.getKey().name()).toList(), types.stream().map(Map.Entry::getValue).toList(),
                cur)).append("</section>\n");

        h.append("<section><h2>Recommendations</h2>\n");
        if (report.recommendations().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<table><tr><th>#</th><th>Type</th><th>Target</th><th>What to do</th><th>Monthly</th>"
                    + "<th>Annual</th><th>Confidence</th><th>Risk</th><th>Effort</th><th>Evidence</th></tr>\n");
            int rank = 1;
            for (Recommendation r : report.recommendations()) {
                h.append("<tr><td>").append(rank++).append("</td><td>").append(r.type()).append("</td><td>")
                        .append(Html.escape(r.resourceId())).append("</td><td>").append(Html.escape(r.title()));
                if (r.horizon() == dev.costagent.core.recommend.Horizon.QUICK_WIN) {
                    h.append(" <span class=\"quick\">quick win</span>");
                }
                h.append("</td>").append(num(MarkdownReport.money(r.monthlySavings(), cur)))
                        .append(num(MarkdownReport.money(r.annualSavings(), cur)))
                        .append(num(String.format(Locale.ROOT, "%.2f", r.confidence()))).append("<td>")
                        .append(r.risk()).append("</td><td>").append(r.effort()).append("</td><td class=\"muted\">")
                        .append(Html.escape(r.evidence().formula())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</section>\n");

        if (!o.anomalies().isEmpty()) {
            h.append("<section><h2>Anomalies</h2>\n<table><tr><th>Date</th><th>Dimension</th><th>Value</th>"
                    + "<th>Impact</th><th>Severity</th></tr>\n");
            for (CostOverview.AnomalyMarker a : o.anomalies()) {
                h.append("<tr><td>").append(Html.escape(a.date())).append("</td><td>").append(Html.escape(a.dimension()))
                        .append("</td><td>").append(Html.escape(a.value())).append("</td>")
                        .append(num(MarkdownReport.money(a.impact(), cur))).append("<td>")
                        .append(Html.escape(a.severity())).append("</td></tr>\n");
            }
            h.append("</table></section>\n");
        }
        if (!report.narratives().isEmpty()) {
            h.append("<section><h2>Explanations</h2>\n<ul>\n");
            for (Narrative n : report.narratives()) {
                h.append("<li><strong>").append(Html.escape(n.subject())).append("</strong> <span class=\"muted\">(")
                        .append(n.source().json()).append(")</span>: ").append(Html.escape(n.text())).append("</li>\n");
            }
            h.append("</ul></section>\n");
        }
        h.append("<section><h2>Timings</h2>\n<table><tr><th>Stage</th><th>ms</th><th>Cached</th></tr>\n");
        for (StageTiming t : report.timings()) {
            h.append("<tr><td>").append(t.stage().label()).append("</td>")
                    .append(num(String.format(Locale.ROOT, "%.1f", t.millis()))).append("<td>").append(t.cached())
                    .append("</td></tr>\n");
        }
        h.append("</table></section>\n");
        if (!report.warnings().isEmpty()) {
            h.append("<section><h2>Warnings</h2>\n<ul>\n");
            report.warnings().forEach(w -> h.append("<li>").append(Html.escape(w)).append("</li>\n"));
            h.append("</ul></section>\n");
        }
        return h.append("</body>\n</html>\n").toString();
    }

    private static String num(String text) {
        return "<td class=\"num\">" + Html.escape(text) + "</td>";
    }
}
