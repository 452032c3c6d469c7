package dev.costagent.core.report;

import dev.costagent.core.agent.CostOverview;
import dev.costagent.core.agent.Report;
import dev.costagent.core.agent.ReportSummary;
import dev.costagent.core.agent.StageTiming;
import dev.costagent.core.analysis.anomaly.Anomaly;
import dev.costagent.core.analysis.anomaly.AnomalyKind;
import dev.costagent.core.narrate.Narrative;
import dev.costagent.core.recommend.model.Recommendation;
import java.util.List;
import java.util.Locale;

/** GitHub-flavoured Markdown: summary, recommendations, anomalies, top services, narratives, timings, warnings. */
final class MarkdownReport {

    private MarkdownReport() {}

    static String render(Report report) {
        StringBuilder md = new StringBuilder();
        ReportSummary s = report.summary();
        md.append("# costagent report\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Rows", Long.toString(s.rows()));
        row(md, "Period", s.firstDay() + " to " + s.lastDay());
        row(md, "Total cost (EffectiveCost, all charge categories)", money(s.totalCost(), s.currency()));
        var analyses = report.analyses();
        if (analyses != null) {
            row(
                    md,
                    "Usage cost (" + analyses.metric() + ", " + analyses.scope() + ")",
                    money(analyses.total(), s.currency()));
            var usage = analyses.forecast();
            var invoice = analyses.invoiceForecast();
            if (usage != null && usage.nextDays() != null && !usage.daily().isEmpty()) {
                row(
                        md,
                        "Usage forecast, next " + usage.daily().size() + " days to "
                                + usage.nextDays().date(),
                        money(usage.nextDays().value(), s.currency()) + " (80% "
                                + money(usage.nextDays().lower80(), s.currency()) + " to "
                                + money(usage.nextDays().upper80(), s.currency()) + ")");
            }
            if (invoice != null
                    && invoice.nextDays() != null
                    && !invoice.daily().isEmpty()) {
                row(
                        md,
                        "Invoice forecast (BilledCost, all charge categories), same days",
                        money(invoice.nextDays().value(), s.currency()) + " (80% "
                                + money(invoice.nextDays().lower80(), s.currency()) + " to "
                                + money(invoice.nextDays().upper80(), s.currency())
                                + ")");
            }
            if (Math.abs(analyses.total() - s.totalCost()) >= 0.005) {
                row(
                        md,
                        "Difference",
                        money(s.totalCost() - analyses.total(), s.currency())
                                + ": credits, adjustments, tax and purchases (charts, forecast and anomalies use usage)");
            }
        }
        if (analyses != null && analyses.partialDay() != null) {
            row(
                    md,
                    "Data quality",
                    "**Partial last day**: " + analyses.partialDay().describe());
        }
        row(md, "Recommendations", s.recommendations() + " (" + s.quickWins() + " quick wins)");
        row(md, "Monthly savings", money(s.monthlySavings(), s.currency()));
        row(md, "Annual savings", money(s.annualSavings(), s.currency()));

        md.append("\n## Recommendations\n\n");
        if (report.recommendations().isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| # | Type | Target | Monthly (" + s.currency() + ") | Annual (" + s.currency()
                    + ") | Confidence | Risk | Effort | Horizon |\n");
            md.append("|---|---|---|---:|---:|---:|---|---|---|\n");
            int rank = 1;
            for (Recommendation r : report.recommendations()) {
                md.append("| ")
                        .append(rank++)
                        .append(" | ")
                        .append(r.type())
                        .append(" | ")
                        .append(cell(r.resourceId()))
                        .append(" | ")
                        .append(money(r.monthlySavings(), s.currency()))
                        .append(" | ")
                        .append(money(r.annualSavings(), s.currency()))
                        .append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", r.confidence()))
                        .append(" | ")
                        .append(r.risk())
                        .append(" | ")
                        .append(r.effort())
                        .append(" | ")
                        .append(r.horizon())
                        .append(" |\n");
            }
        }

        CostOverview o = report.overview();
        if (analyses == null || analyses.anomalies().isEmpty()) {
            if (!o.anomalies().isEmpty()) {
                md.append(
                        "\n## Anomalies\n\n| Date | Dimension | Value | Impact | Severity |\n|---|---|---|---:|---|\n");
                for (CostOverview.AnomalyMarker a : o.anomalies()) {
                    md.append("| ")
                            .append(a.date())
                            .append(" | ")
                            .append(cell(a.dimension()))
                            .append(" | ")
                            .append(cell(a.value()))
                            .append(" | ")
                            .append(money(a.impact(), s.currency()))
                            .append(" | ")
                            .append(a.severity())
                            .append(" |\n");
                }
            }
        } else {
            for (AnomalyKind kind : AnomalyKind.values()) {
                List<Anomaly> list = analyses.anomalies().stream()
                        .filter(a -> a.kind() == kind)
                        .toList();
                if (list.isEmpty()) {
                    continue;
                }
                md.append("\n## Anomalies: ")
                        .append(kind == AnomalyKind.RISE ? "rises" : "drops")
                        .append("\n\n| Days | Series | Actual | Expected | Impact | Severity | Top root cause | "
                                + "Also seen in |\n|---|---|---:|---:|---:|---|---|---|\n");
                for (Anomaly a : list) {
                    md.append("| ")
                            .append(a.date())
                            .append(a.days() > 1 ? " to " + a.lastDate() : "")
                            .append(" | ")
                            .append(cell(a.label()))
                            .append(" | ")
                            .append(money(a.actual(), s.currency()))
                            .append(" | ")
                            .append(money(a.expected(), s.currency()))
                            .append(" | ")
                            .append(money(a.impact(), s.currency()))
                            .append(" | ")
                            .append(a.severity())
                            .append(" | ")
                            .append(
                                    a.rootCauses().isEmpty()
                                            ? ""
                                            : cell(a.rootCauses().get(0).dimension() + "="
                                                    + a.rootCauses().get(0).value() + " "
                                                    + money(
                                                            a.rootCauses()
                                                                    .get(0)
                                                                    .contribution(),
                                                            s.currency())))
                            .append(" | ")
                            .append(cell(String.join(", ", a.seenIn())))
                            .append(" |\n");
                }
            }
        }
        if (!o.topServices().isEmpty()) {
            md.append("\n## Top services\n\n| Service | Cost | Share |\n|---|---:|---:|\n");
            for (CostOverview.ServiceShare svc : o.topServices()) {
                md.append("| ")
                        .append(cell(svc.service()))
                        .append(" | ")
                        .append(money(svc.cost(), s.currency()))
                        .append(" | ")
                        .append(String.format(Locale.ROOT, "%.1f%%", svc.share() * 100))
                        .append(" |\n");
            }
        }
        if (!report.narratives().isEmpty()) {
            md.append("\n## Explanations\n\n");
            for (Narrative n : report.narratives()) {
                md.append("- **")
                        .append(cell(n.subject()))
                        .append("** (")
                        .append(n.source().json())
                        .append("): ")
                        .append(n.text().replace('\n', ' '))
                        .append('\n');
            }
        }
        md.append("\n## Timings\n\n| Stage | ms | Cached |\n|---|---:|---|\n");
        for (StageTiming t : report.timings()) {
            md.append("| ")
                    .append(t.stage().label())
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", t.millis()))
                    .append(" | ")
                    .append(t.cached())
                    .append(" |\n");
        }
        if (!report.warnings().isEmpty()) {
            md.append("\n## Warnings\n\n");
            report.warnings()
                    .forEach(w -> md.append("- ").append(w.replace('\n', ' ')).append('\n'));
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace('\n', ' ');
    }

    static String money(double amount, String currency) {
        return String.format(Locale.ROOT, "%,.2f %s", amount, currency == null ? "" : currency)
                .trim();
    }
}
