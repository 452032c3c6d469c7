package dev.costagent.core.report;

import dev.costagent.core.agent.CostOverview;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inline SVG charts, drawn from numbers alone: no scripts, no fonts or images to fetch. Untrusted text (service names,
 * tag values) is escaped.
 */
final class SvgChart {

    private static final int WIDTH = 860;
    private static final int HEIGHT = 280;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    private SvgChart() {}

    /** Daily cost as a line, the forecast as a dashed line in its 80% and 95% bands, anomalies as red dots. */
    static String dailyCost(CostOverview overview) {
        List<CostOverview.DailyCost> daily = overview.daily();
        List<CostOverview.ForecastPoint> forecast = overview.forecast();
        int n = daily.size() + forecast.size();
        if (n == 0) {
            return "<p>No daily cost to draw.</p>";
        }
        double max = 0;
        for (CostOverview.DailyCost d : daily) {
            max = Math.max(max, d.cost());
        }
        for (CostOverview.ForecastPoint f : forecast) {
            max = Math.max(max, f.upper95());
        }
        max = max <= 0 ? 1 : max * 1.05;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double step = n > 1 ? plotW / (n - 1) : 0;
        double yMax = max;
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotH - Math.max(0, v) / yMax * plotH;
        StringBuilder svg = open("Daily cost with forecast band and anomaly markers");
        axes(svg, max, plotH);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < daily.size(); i++) {
            index.put(daily.get(i).date(), i);
        }
        if (!forecast.isEmpty()) {
            int base = daily.size();
            svg.append(band(forecast, base, step, y, true)).append(band(forecast, base, step, y, false));
            StringBuilder line = new StringBuilder();
            if (!daily.isEmpty()) {
                line.append(pt(LEFT + (base - 1) * step, y.applyAsDouble(daily.get(base - 1).cost())));
            }
            for (int i = 0; i < forecast.size(); i++) {
                line.append(pt(LEFT + (base + i) * step, y.applyAsDouble(forecast.get(i).expected())));
            }
            svg.append("<polyline class=\"forecast\" fill=\"none\" stroke=\"#555\" stroke-dasharray=\"5,4\" "
                    + "stroke-width=\"1.5\" points=\"").append(line.toString().trim()).append("\"/>\n");
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < daily.size(); i++) {
            line.append(pt(LEFT + i * step, y.applyAsDouble(daily.get(i).cost())));
        }
        svg.append("<polyline class=\"actual\" fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"2\" points=\"")
                .append(line.toString().trim()).append("\"/>\n");
        for (CostOverview.AnomalyMarker a : overview.anomalies()) {
            Integer i = index.get(a.date());
            if (i == null) {
                continue;
            }
            svg.append(String.format(Locale.ROOT,
                    "<circle class=\"anomaly\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#d1242f\"><title>%s</title>"
                            + "</circle>\n",
                    LEFT + i * step, y.applyAsDouble(daily.get(i).cost()),
                    Html.escape(a.date() + " " + a.dimension() + "=" + a.value() + " impact "
                            + String.format(Locale.ROOT, "%.2f", a.impact()) + " (" + a.severity() + ")")));
        }
        String first = daily.isEmpty() ? forecast.get(0).date() : daily.get(0).date();
        String last = forecast.isEmpty() ? daily.get(daily.size() - 1).date() : forecast.get(forecast.size() - 1).date();
        svg.append(text(LEFT, HEIGHT - 15, "start", first)).append(text(WIDTH - RIGHT, HEIGHT - 15, "end", last));
        return svg.append("</svg>\n").toString();
    }

    /** Horizontal bars, largest first, labelled with name and amount. */
    static String bars(String title, List<String> labels, List<Double> values, String currency) {
        if (labels.isEmpty()) {
            return "<p>Nothing to draw.</p>";
        }
        int rowH = 26;
        int height = TOP + labels.size() * rowH + 10;
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        max = max <= 0 ? 1 : max;
        int labelW = 260;
        double barMax = WIDTH - labelW - 150;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\"><title>%s</title>\n", WIDTH,
                height, Html.escape(title)));
        for (int i = 0; i < labels.size(); i++) {
            double w = values.get(i) / max * barMax;
            int yTop = TOP + i * rowH;
            svg.append(text(labelW - 8, yTop + 16, "end", shorten(labels.get(i))));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#2da44e\"/>\n", labelW, yTop + 2,
                    Math.max(1, w)));
            svg.append(text((int) (labelW + Math.max(1, w) + 6), yTop + 16, "start",
                    MarkdownReport.money(values.get(i), currency)));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String band(List<CostOverview.ForecastPoint> forecast, int base, double step,
            java.util.function.DoubleUnaryOperator y, boolean outer) {
        List<String> upper = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        for (int i = 0; i < forecast.size(); i++) {
            CostOverview.ForecastPoint f = forecast.get(i);
            double x = LEFT + (base + i) * step;
            upper.add(pt(x, y.applyAsDouble(outer ? f.upper95() : f.upper80())));
            lower.add(0, pt(x, y.applyAsDouble(outer ? f.lower95() : f.lower80())));
        }
        return "<polygon class=\"" + (outer ? "band95" : "band80") + "\" fill=\"" + (outer ? "#d0d7de" : "#afb8c1")
                + "\" fill-opacity=\"0.6\" points=\"" + String.join("", upper).trim() + " "
                + String.join("", lower).trim() + "\"/>\n";
    }

    private static StringBuilder open(String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\"><title>%s</title>\n", WIDTH,
                HEIGHT, Html.escape(title)));
    }

    private static void axes(StringBuilder svg, double max, double plotH) {
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", LEFT, TOP, LEFT, TOP + (int) plotH));
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", LEFT, TOP + (int) plotH,
                WIDTH - RIGHT, TOP + (int) plotH));
        svg.append(text(LEFT - 6, TOP + 10, "end", String.format(Locale.ROOT, "%,.0f", max)));
        svg.append(text(LEFT - 6, TOP + (int) plotH, "end", "0"));
    }

    private static String text(int x, int yPos, String anchor, String content) {
        return String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"12\" fill=\"#333\">%s</text>\n", x, yPos,
                anchor, Html.escape(content));
    }

    private static String pt(double x, double yPos) {
        return String.format(Locale.ROOT, "%.1f,%.1f ", x, yPos);
    }

    private static String shorten(String label) {
        String s = label == null ? "(none)" : label;
        return s.length() > 38 ? s.substring(0, 37) + "…" : s;
    }
}
