package dev.costagent.core.report;

import dev.costagent.core.agent.CostOverview;
import dev.costagent.core.agent.Report;
import dev.costagent.core.agent.ReportSummary;
import dev.costagent.core.agent.StageTiming;
import dev.costagent.core.analysis.AnalysisReport;
import dev.costagent.core.analysis.anomaly.Anomaly;
import dev.costagent.core.analysis.anomaly.AnomalyKind;
import dev.costagent.core.analysis.anomaly.RootCause;
import dev.costagent.core.narrate.Narrative;
import dev.costagent.core.recommend.model.Horizon;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.recommend.model.RecommendationType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * One self-contained HTML page a person reads on a phone, a desktop or paper: inline CSS, inline SVG charts (daily
 * cost with forecast band and anomaly markers, top services, savings by type) and tables. It references nothing
 * outside itself (no network), so it opens offline and can be mailed.
 *
 * <p>Layout: nothing is cut from 390 px to 1,920 px wide. Wide tables scroll inside their own box, long ids wrap, the
 * charts scale to the width. Recommendations can be sorted (click a header) and filtered (text and type) by a small
 * inline script; without the script the table is still complete. Print hides the controls and lets tables break
 * across pages.
 */
final class HtmlReport {

    private static final String CSS = "*{box-sizing:border-box}"
            + "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;padding:16px;color:#1f2328;"
            + "line-height:1.45;background:#fff}"
            + "main{max-width:1440px;margin:0 auto}"
            + "h1{margin:0 0 4px;font-size:1.6rem}h2{font-size:1.25rem;margin:0 0 8px}"
            + "section{margin-top:28px}"
            + ".quality{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:8px 12px;overflow-wrap:anywhere}"
            + ".muted{color:#656d76}.note{font-size:.9rem;color:#656d76;margin:6px 0}"
            + ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:8px;margin-top:12px}"
            + ".card{border:1px solid #d0d7de;border-radius:6px;padding:8px 10px;min-width:0}"
            + ".card .label{font-size:.8rem;color:#656d76;overflow-wrap:anywhere}"
            + ".card .value{font-size:1.25rem;font-weight:600;overflow-wrap:anywhere}"
            + ".scroll{overflow-x:auto;max-width:100%;border:1px solid #d0d7de;border-radius:6px}"
            + "table{border-collapse:collapse;width:100%}"
            + "th,td{border-bottom:1px solid #d0d7de;padding:6px 8px;text-align:left;vertical-align:top}"
            + "th{background:#f6f8fa;white-space:nowrap}"
            + "td{overflow-wrap:anywhere;word-break:break-word;min-width:4.5em}"
            + "td.num,th.num{text-align:right;white-space:nowrap;min-width:0}"
            + "td.id{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85rem}"
            + "table.recs{min-width:980px}table.recs td.type{overflow-wrap:normal;word-break:normal;min-width:0}"
            + "table.recs td.id{min-width:11em}table.recs td.what{min-width:14em}table.recs td.evidence"
            + "{min-width:12em;font-size:.85rem}table.events{min-width:820px}table.events td.id{min-width:10em}"
            + ".quick{color:#1a7f37;font-weight:600}"
            + ".sev-HIGH{color:#d1242f;font-weight:600}.sev-MEDIUM{color:#9a6700;font-weight:600}"
            + ".chart-box{width:100%;border:1px solid #d0d7de;border-radius:6px;padding:4px;overflow-x:auto}"
            + "svg.chart{display:block;width:100%;height:auto}"
            + ".controls{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}"
            + ".controls input,.controls select{font:inherit;padding:4px 6px;max-width:100%}"
            + "th[data-sort]{cursor:pointer}th[data-sort]::after{content:' \\2195';color:#8c959f}"
            + "th[aria-sort=ascending]::after{content:' \\2191'}th[aria-sort=descending]::after{content:' \\2193'}"
            + "ul{padding-left:1.2rem}li{overflow-wrap:anywhere}"
            + "@media (max-width:600px){body{padding:10px}h1{font-size:1.3rem}.card .value{font-size:1.05rem}"
            + "svg.chart{min-width:600px}}"
            + "@media print{body{padding:0;font-size:10pt}.controls{display:none}.scroll,.chart-box{border:none;"
            + "overflow:visible}table.recs,table.events,svg.chart{min-width:0}table.recs td,table.events td"
            + "{min-width:0}th,td.num{white-space:normal}table{table-layout:fixed}td,th{padding:3px 4px}"
            + "section{break-inside:auto}svg.chart,tr,.card{break-inside:avoid}"
            + "th[data-sort]::after{content:none}a{color:inherit}}";

    /** Sorts and filters tables with {@code data-sort} headers; no network, no library. */
    private static final String SCRIPT = "(function(){'use strict';"
            + "document.querySelectorAll('table.sortable').forEach(function(table){"
            + "var body=table.tBodies[0];"
            + "table.querySelectorAll('th[data-sort]').forEach(function(th,col){th.tabIndex=0;"
            + "function sort(){var asc=th.getAttribute('aria-sort')!=='ascending';"
            + "table.querySelectorAll('th[data-sort]').forEach(function(o){o.removeAttribute('aria-sort');});"
            + "th.setAttribute('aria-sort',asc?'ascending':'descending');"
            + "var idx=Array.prototype.indexOf.call(th.parentNode.children,th);"
            + "var num=th.getAttribute('data-sort')==='num';"
            + "var rows=Array.prototype.slice.call(body.rows);"
            + "rows.sort(function(a,b){var x=a.cells[idx].getAttribute('data-value')||a.cells[idx].textContent;"
            + "var y=b.cells[idx].getAttribute('data-value')||b.cells[idx].textContent;"
            + "var r=num?(parseFloat(x)-parseFloat(y)):x.localeCompare(y);return asc?r:-r;});"
            + "rows.forEach(function(r){body.appendChild(r);});}"
            + "th.addEventListener('click',sort);"
            + "th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sort();}});"
            + "});});"
            + "var text=document.getElementById('rec-filter');var type=document.getElementById('rec-type');"
            + "var count=document.getElementById('rec-count');"
            + "function filter(){var q=text?text.value.toLowerCase():'';var t=type?type.value:'';var shown=0;"
            + "document.querySelectorAll('table.recs tbody tr').forEach(function(r){"
            + "var ok=(!q||r.textContent.toLowerCase().indexOf(q)>=0)&&(!t||r.getAttribute('data-type')===t);"
            + "r.hidden=!ok;if(ok){shown++;}});if(count){count.textContent=shown+' shown';}}"
            + "if(text){text.addEventListener('input',filter);}if(type){type.addEventListener('change',filter);}"
            + "filter();})();";

    private HtmlReport() {}

    static String render(Report report) {
        ReportSummary s = report.summary();
        String cur = s.currency() == null ? "" : s.currency();
        AnalysisReport a = report.analyses();
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>costagent report ")
                .append(Html.escape(s.firstDay()))
                .append(" to ")
                .append(Html.escape(s.lastDay()))
                .append("</title>\n<style>")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>costagent report</h1>\n<p class=\"muted\">")
                .append(Html.escape(s.firstDay()))
                .append(" to ")
                .append(Html.escape(s.lastDay()))
                .append(" · ")
                .append(s.rows())
                .append(" rows · amounts in ")
                .append(Html.escape(cur.isEmpty() ? "the billing currency" : cur))
                .append(" · generated ")
                .append(Html.escape(report.generatedAt()))
                .append("</p>\n");

        if (a != null && a.partialDay() != null) {
            // data quality first: a partial day changes how the totals, the chart's last point and the forecast read
            h.append("<p class=\"quality\" id=\"partial-day\" role=\"note\"><strong>Partial last day.</strong> ")
                    .append(Html.escape(a.partialDay().describe()))
                    .append("</p>\n");
        }
        List<Anomaly> anomalies = a == null ? List.of() : a.anomalies();
        h.append("<div class=\"cards\">\n");
        card(h, "Total cost (EffectiveCost, all charge categories)", MarkdownReport.money(s.totalCost(), cur));
        boolean differ = a != null && Math.abs(a.total() - s.totalCost()) >= 0.005;
        if (a != null) {
            card(h, "Usage cost (" + a.metric() + ", " + a.scope() + ")", MarkdownReport.money(a.total(), cur));
        }
        card(h, "Recommendations (quick wins)", s.recommendations() + " (" + s.quickWins() + ")");
        card(h, "Monthly savings", MarkdownReport.money(s.monthlySavings(), cur));
        card(h, "Annual savings", MarkdownReport.money(s.annualSavings(), cur));
        card(
                h,
                "Anomalies (rises / drops)",
                count(anomalies, AnomalyKind.RISE) + " / " + count(anomalies, AnomalyKind.DROP));
        h.append("</div>\n");
        if (differ) {
            h.append("<p class=\"note\">The two totals differ by ")
                    .append(Html.escape(MarkdownReport.money(s.totalCost() - a.total(), cur)))
                    .append(": credits, adjustments, tax and purchases count in the total but not in usage. Charts, "
                            + "forecast and anomalies use the usage cost.</p>\n");
        }

        CostOverview o = report.overview();
        String metric = a == null ? "EffectiveCost" : a.metric();
        String unit = (cur.isEmpty() ? "cost" : cur) + " per day (" + metric
                + (a == null || a.scope() == null || a.scope().isEmpty() ? "" : ", " + a.scope()) + ")";
        h.append("<section id=\"daily\"><h2>Daily cost</h2>\n<div class=\"chart-box scroll\">")
                .append(SvgChart.dailyCost(o, cur, unit))
                .append("</div>\n");
        if (a != null && a.forecast() != null) {
            var f = a.forecast();
            h.append("<p class=\"note\">Forecast (")
                    .append(Html.escape(f.method()))
                    .append("): ");
            if (f.remainingDays() > 0) {
                h.append("the month ends at ")
                        .append(Html.escape(MarkdownReport.money(f.endOfMonth(), cur)))
                        .append(" (80% interval ")
                        .append(Html.escape(MarkdownReport.money(f.lower80(), cur)))
                        .append(" to ")
                        .append(Html.escape(MarkdownReport.money(f.upper80(), cur)))
                        .append("); ");
            } else {
                h.append("the data ends on the month's last day (month to date ")
                        .append(Html.escape(MarkdownReport.money(f.monthToDate(), cur)))
                        .append("); ");
            }
            if (f.nextDays() != null && !f.daily().isEmpty()) {
                h.append("the next ")
                        .append(f.daily().size())
                        .append(" days to ")
                        .append(Html.escape(String.valueOf(f.nextDays().date())))
                        .append(", as charted, ")
                        .append(Html.escape(MarkdownReport.money(f.nextDays().value(), cur)))
                        .append(" (80% interval ")
                        .append(Html.escape(MarkdownReport.money(f.nextDays().lower80(), cur)))
                        .append(" to ")
                        .append(Html.escape(MarkdownReport.money(f.nextDays().upper80(), cur)))
                        .append(").");
            }
            var invoice = a.invoiceForecast();
            if (invoice != null
                    && invoice.nextDays() != null
                    && !invoice.daily().isEmpty()) {
                h.append(" The invoice (BilledCost, all charge categories) for the same days: ")
                        .append(Html.escape(
                                MarkdownReport.money(invoice.nextDays().value(), cur)))
                        .append(" (80% interval ")
                        .append(Html.escape(
                                MarkdownReport.money(invoice.nextDays().lower80(), cur)))
                        .append(" to ")
                        .append(Html.escape(
                                MarkdownReport.money(invoice.nextDays().upper80(), cur)))
                        .append("), to compare with a budget.");
            }
            h.append("</p>\n");
        }
        h.append("</section>\n");

        anomalies(h, anomalies, AnomalyKind.RISE, "Anomalies: rises", cur);
        anomalies(h, anomalies, AnomalyKind.DROP, "Anomalies: drops", cur);

        recommendations(h, report.recommendations(), cur);

        List<String> services = new ArrayList<>();
        List<Double> serviceCost = new ArrayList<>();
        for (CostOverview.ServiceShare svc : o.topServices()) {
            services.add(svc.service());
            serviceCost.add(svc.cost());
        }
        h.append("<section id=\"services\"><h2>Top services</h2>\n<div class=\"chart-box scroll\">")
                .append(SvgChart.bars("Top services by " + metric, services, serviceCost, cur))
                .append("</div></section>\n");

        Map<RecommendationType, Double> byType = new EnumMap<>(RecommendationType.class);
        for (Recommendation r : report.recommendations()) {
            byType.merge(r.type(), r.monthlySavings(), Double::sum);
        }
        List<Map.Entry<RecommendationType, Double>> types = new ArrayList<>(byType.entrySet());
        types.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
        if (!types.isEmpty()) {
            h.append("<section id=\"savings\"><h2>Monthly savings by type</h2>\n<div class=\"chart-box scroll\">")
                    .append(SvgChart.bars(
                            "Monthly savings by type",
                            types.stream().map(e -> e.getKey().name()).toList(),
                            types.stream().map(Map.Entry::getValue).toList(),
                            cur))
                    .append("</div></section>\n");
        }

        if (!report.narratives().isEmpty()) {
            h.append("<section id=\"explanations\"><h2>Explanations</h2>\n<ul>\n");
            for (Narrative n : report.narratives()) {
                h.append("<li><strong>")
                        .append(Html.escape(n.subject()))
                        .append("</strong> <span class=\"muted\">(")
                        .append(n.source().json())
                        .append(")</span>: ")
                        .append(Html.escape(n.text()))
                        .append("</li>\n");
            }
            h.append("</ul></section>\n");
        }
        if (a != null && a.anomalyMethod() != null) {
            h.append("<section id=\"method\"><h2>How anomalies are found</h2>\n<p class=\"note\">")
                    .append(Html.escape(a.anomalyMethod()))
                    .append("</p></section>\n");
        }
        h.append("<section id=\"timings\"><h2>Timings</h2>\n<div class=\"scroll\"><table><thead><tr><th>Stage</th>"
                + "<th class=\"num\">ms</th><th>Cached</th></tr></thead><tbody>\n");
        for (StageTiming t : report.timings()) {
            h.append("<tr><td>")
                    .append(t.stage().label())
                    .append("</td>")
                    .append(num(String.format(Locale.ROOT, "%.1f", t.millis()), t.millis()))
                    .append("<td>")
                    .append(t.cached())
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table></div></section>\n");
        if (!report.warnings().isEmpty()) {
            h.append("<section id=\"warnings\"><h2>Warnings</h2>\n<ul>\n");
            report.warnings()
                    .forEach(w -> h.append("<li>").append(Html.escape(w)).append("</li>\n"));
            h.append("</ul></section>\n");
        }
        h.append("</main>\n<script>").append(SCRIPT).append("</script>\n");
        return h.append("</body>\n</html>\n").toString();
    }

    private static void recommendations(StringBuilder h, List<Recommendation> recs, String cur) {
        h.append("<section id=\"recommendations\"><h2>Recommendations</h2>\n");
        if (recs.isEmpty()) {
            h.append("<p>None.</p></section>\n");
            return;
        }
        TreeSet<String> types = new TreeSet<>();
        recs.forEach(r -> types.add(r.type().name()));
        h.append("<div class=\"controls\"><label>Filter <input id=\"rec-filter\" type=\"search\" "
                + "placeholder=\"text in any column\"></label><label>Type <select id=\"rec-type\"><option value=\"\">"
                + "all</option>");
        types.forEach(t -> h.append("<option>").append(t).append("</option>"));
        h.append("</select></label><span id=\"rec-count\" class=\"muted\"></span></div>\n");
        h.append("<div class=\"scroll\"><table class=\"recs sortable\"><thead><tr><th data-sort=\"num\" "
                + "class=\"num\">#</th><th data-sort=\"text\">Type</th><th data-sort=\"text\">Target</th>"
                + "<th>What to do</th><th data-sort=\"num\" class=\"num\">Monthly (" + Html.escape(cur) + ")</th>"
                + "<th data-sort=\"num\" class=\"num\">Annual (" + Html.escape(cur) + ")</th><th data-sort=\"num\" "
                + "class=\"num\">Confidence</th><th data-sort=\"text\">Risk</th><th data-sort=\"text\">Effort</th>"
                + "<th>Evidence</th></tr></thead><tbody>\n");
        int rank = 1;
        for (Recommendation r : recs) {
            h.append("<tr data-type=\"")
                    .append(r.type())
                    .append("\">")
                    .append(num(Integer.toString(rank), rank))
                    .append("<td class=\"type\">")
                    .append(r.type())
                    .append("</td><td class=\"id\">")
                    .append(Html.escape(r.resourceId()))
                    .append("</td><td class=\"what\">")
                    .append(Html.escape(r.title()));
            rank++;
            if (r.horizon() == Horizon.QUICK_WIN) {
                h.append(" <span class=\"quick\">quick win</span>");
            }
            h.append("</td>")
                    .append(num(MarkdownReport.money(r.monthlySavings(), cur), r.monthlySavings()))
                    .append(num(MarkdownReport.money(r.annualSavings(), cur), r.annualSavings()))
                    .append(num(String.format(Locale.ROOT, "%.2f", r.confidence()), r.confidence()))
                    .append("<td>")
                    .append(r.risk())
                    .append("</td><td>")
                    .append(r.effort())
                    .append("</td><td class=\"muted evidence\">")
                    .append(Html.escape(r.evidence().formula()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table></div></section>\n");
    }

    private static void anomalies(StringBuilder h, List<Anomaly> all, AnomalyKind kind, String title, String cur) {
        List<Anomaly> list = all.stream().filter(x -> x.kind() == kind).toList();
        if (list.isEmpty()) {
            return;
        }
        h.append("<section id=\"anomalies-")
                .append(kind.name().toLowerCase(Locale.ROOT))
                .append("\"><h2>")
                .append(title)
                .append("</h2>\n<p class=\"note\">One row per event; impact is the ")
                .append(kind == AnomalyKind.RISE ? "excess over" : "shortfall under")
                .append(
                        " the expectation for the days it lasted.</p>\n<div class=\"scroll\"><table class=\"events\"><thead><tr>"
                                + "<th>Days</th><th>Series</th><th class=\"num\">Actual</th><th class=\"num\">Expected</th>"
                                + "<th class=\"num\">Impact</th><th>Severity</th><th>Root causes</th><th>Also seen in</th>"
                                + "</tr></thead><tbody>\n");
        for (Anomaly x : list) {
            h.append("<tr><td>").append(x.date());
            if (x.days() > 1) {
                h.append(" to ").append(x.lastDate());
            }
            h.append("</td><td class=\"id\">")
                    .append(Html.escape(x.label()))
                    .append("</td>")
                    .append(num(MarkdownReport.money(x.actual(), cur), x.actual()))
                    .append(num(MarkdownReport.money(x.expected(), cur), x.expected()))
                    .append(num(MarkdownReport.money(x.impact(), cur), x.impact()))
                    .append("<td class=\"sev-")
                    .append(x.severity())
                    .append("\">")
                    .append(x.severity())
                    .append("</td><td class=\"id\">");
            int shown = 0;
            for (RootCause c : x.rootCauses()) {
                if (shown++ == 4) {
                    break;
                }
                h.append(shown > 1 ? "<br>" : "")
                        .append(Html.escape(
                                c.dimension() + "=" + c.value() + " " + MarkdownReport.money(c.contribution(), cur)));
            }
            h.append("</td><td class=\"id\">")
                    .append(Html.escape(String.join(", ", x.seenIn())))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table></div></section>\n");
    }

    private static long count(List<Anomaly> all, AnomalyKind kind) {
        return all.stream().filter(x -> x.kind() == kind).count();
    }

    private static void card(StringBuilder h, String label, String value) {
        h.append("<div class=\"card\"><div class=\"label\">")
                .append(Html.escape(label))
                .append("</div><div class=\"value\">")
                .append(Html.escape(value))
                .append("</div></div>\n");
    }

    private static String num(String text, double value) {
        return "<td class=\"num\" data-value=\"" + String.format(Locale.ROOT, "%.6f", value) + "\">" + Html.escape(text)
                + "</td>";
    }
}
