package dev.costagent.perf.report;

import dev.costagent.perf.baseline.EnvironmentFingerprint;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Renders the aggregated HTML report: one self-contained page (inline CSS and SVG, no scripts, fonts or links to
 * anything outside the file) with the environment, an overview table of every test and its status, then per test
 * its key figures, its requirements with pass/fail, its notes and its charts.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#222;max-width:1200px}
            h1{font-size:22px}h2{font-size:17px;margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
            table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;
            font-size:13px}th{background:#f3f3f3}.pass{color:#17702b;font-weight:bold}.fail{color:#b00020;
            font-weight:bold}.note{color:#8a5a00;font-size:13px}.charts{display:flex;flex-wrap:wrap;gap:12px}
            .env{color:#555;font-size:13px}.kind{color:#666;font-weight:normal;font-size:13px}
            """;

    private HtmlReport() {}

    /** The whole page. */
    public static String render(List<TestReport> reports, EnvironmentFingerprint environment, Instant startedAt) {
        long failed = reports.stream().filter(r -> !r.passed()).count();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Performance report</title><style>")
                .append(STYLE)
                .append("</style></head><body>");
        html.append("<h1>Performance report</h1>");
        html.append("<p class=\"env\">")
                .append(esc(environment.describe()))
                .append("<br>Run started ")
                .append(esc(startedAt.toString()))
                .append(" &middot; ")
                .append(reports.size())
                .append(" tests, ")
                .append(
                        failed == 0
                                ? "<span class=\"pass\">all passed</span>"
                                : "<span class=\"fail\">" + failed + " failed</span>")
                .append("</p>");
        html.append("<table><tr><th>Test</th><th>Kind</th><th>Status</th><th>Key figures</th></tr>");
        for (int i = 0; i < reports.size(); i++) {
            TestReport r = reports.get(i);
            html.append("<tr><td><a href=\"#t")
                    .append(i)
                    .append("\">")
                    .append(esc(r.displayName()))
                    .append("</a></td><td>")
                    .append(esc(r.kind()))
                    .append("</td><td>")
                    .append(status(r))
                    .append("</td><td>")
                    .append(esc(firstFigures(r.figures())))
                    .append("</td></tr>");
        }
        html.append("</table>");
        for (int i = 0; i < reports.size(); i++) {
            appendTest(html, reports.get(i), i);
        }
        return html.append("</body></html>\n").toString();
    }

    private static void appendTest(StringBuilder html, TestReport r, int index) {
        html.append("<h2 id=\"t")
                .append(index)
                .append("\">")
                .append(esc(r.displayName()))
                .append(" <span class=\"kind\">")
                .append(esc(r.kind()))
                .append("</span> ")
                .append(status(r))
                .append("</h2>");
        if (!r.figures().isEmpty()) {
            html.append("<table>");
            r.figures()
                    .forEach((k, v) -> html.append("<tr><th>")
                            .append(esc(k))
                            .append("</th><td>")
                            .append(esc(v))
                            .append("</td></tr>"));
            html.append("</table>");
        }
        if (!r.checks().isEmpty()) {
            html.append("<table><tr><th>Requirement</th><th>Measured</th><th>Required</th><th>Result</th>"
                    + "<th>Note</th></tr>");
            for (Check c : r.checks()) {
                html.append("<tr><td>")
                        .append(esc(c.requirement()))
                        .append("</td><td>")
                        .append(esc(c.measured()))
                        .append("</td><td>")
                        .append(esc(c.required()))
                        .append("</td><td>")
                        .append(c.met() ? "<span class=\"pass\">pass</span>" : "<span class=\"fail\">FAIL</span>")
                        .append("</td><td>")
                        .append(esc(c.note()))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        for (String note : r.notes()) {
            html.append("<p class=\"note\">").append(esc(note)).append("</p>");
        }
        if (!r.charts().isEmpty()) {
            html.append("<div class=\"charts\">");
            r.charts()
                    .forEach(chart ->
                            html.append("<div>").append(SvgChart.render(chart)).append("</div>"));
            html.append("</div>");
        }
    }

    private static String status(TestReport r) {
        if (r.checks().isEmpty()) {
            return "<span class=\"env\">measured</span>";
        }
        return r.passed() ? "<span class=\"pass\">PASS</span>" : "<span class=\"fail\">FAIL</span>";
    }

    private static String firstFigures(Map<String, String> figures) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, String> e : figures.entrySet()) {
            if (shown++ == 3) {
                break;
            }
            text.append(shown > 1 ? ", " : "").append(e.getKey()).append(' ').append(e.getValue());
        }
        return text.toString();
    }

    private static String esc(String text) {
        return SvgChart.escape(text);
    }
}
