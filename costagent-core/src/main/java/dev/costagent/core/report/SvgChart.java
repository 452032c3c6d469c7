package dev.costagent.core.report;

import dev.costagent.core.agent.CostOverview;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Inline SVG charts, drawn from numbers alone: no scripts, no fonts or images to fetch. Every chart has labelled
 * axes with units and dates, and every drawn value carries an SVG {@code <title>} (shown on hover). Untrusted text
 * (service names, tag values) is escaped. The SVGs scale to their box ({@code viewBox}, width 100%).
 */
final class SvgChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 320;
    private static final int LEFT = 78;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 56;

    private SvgChart() {}

    /**
     * Daily cost as a line with a dot per day, the forecast as a dashed line in its 80% and 95% bands, anomalies as
     * red rings with their impact. The y axis is in the billing currency, the x axis in UTC dates.
     *
     * @param unit the y axis' title, e.g. {@code USD per day (EffectiveCost, Usage)}
     */
    static String dailyCost(CostOverview overview, String currency, String unit) {
        List<CostOverview.DailyCost> daily = overview.daily();
        List<CostOverview.ForecastPoint> forecast = overview.forecast();
        int n = daily.size() + forecast.size();
        if (n == 0) {
            return "<p>No daily cost to draw.</p>";
        }
        double max = 0;
        double min = 0;
        for (CostOverview.DailyCost d : daily) {
            max = Math.max(max, d.cost());
            min = Math.min(min, d.cost());
        }
        for (CostOverview.ForecastPoint f : forecast) {
            max = Math.max(max, f.upper95());
            min = Math.min(min, f.lower95());
        }
        double[] ticks = ticks(min, max <= min ? min + 1 : max);
        double lo = ticks[0];
        double hi = ticks[ticks.length - 1];
        double plotH = HEIGHT - TOP - BOTTOM;
        double plotW = WIDTH - LEFT - RIGHT;
        double step = n > 1 ? plotW / (n - 1) : 0;
        DoubleUnaryOperator y = v -> TOP + plotH * (1 - (v - lo) / (hi - lo));
        StringBuilder svg = open("Daily cost and forecast, " + unit, HEIGHT);
        String axisTitle = (currency.isEmpty() ? "cost" : currency) + " per day";
        // y axis: gridlines and labelled ticks in the currency
        for (double t : ticks) {
            double yy = y.applyAsDouble(t);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>\n",
                    LEFT,
                    yy,
                    WIDTH - RIGHT,
                    yy,
                    t == 0 ? "#888" : "#eaeef2"));
            svg.append(text(LEFT - 6, (int) Math.round(yy) + 4, "end", amount(t, ticks) + " " + currency));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text class=\"axis-title\" transform=\"translate(14 %d) rotate(-90)\" text-anchor=\"middle\" "
                        + "font-size=\"12\" fill=\"#333\">%s</text>\n",
                TOP + (int) plotH / 2,
                Html.escape(axisTitle)));
        // x axis: a date tick about every week, the first and last day always
        List<String> dates = new ArrayList<>();
        daily.forEach(d -> dates.add(d.date()));
        forecast.forEach(f -> dates.add(f.date()));
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        double axisY = TOP + plotH;
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#888\"/>\n",
                LEFT,
                axisY,
                WIDTH - RIGHT,
                axisY));
        for (int i = 0; i < n; i += every) {
            if (n - 1 - i < every / 2 && i != 0) {
                continue; // leave room for the last date
            }
            dateTick(svg, LEFT + i * step, axisY, dates.get(i), i == 0 ? "start" : "middle");
        }
        if (n > 1) {
            dateTick(svg, LEFT + (n - 1) * step, axisY, dates.get(n - 1), "end");
        }
        svg.append(text(LEFT + (int) plotW / 2, HEIGHT - 6, "middle", "Date (UTC, yyyy-mm-dd) · " + unit));
        if (!forecast.isEmpty()) {
            int base = daily.size();
            svg.append(band(forecast, base, step, y, true)).append(band(forecast, base, step, y, false));
            StringBuilder line = new StringBuilder();
            if (!daily.isEmpty()) {
                line.append(pt(
                        LEFT + (base - 1) * step,
                        y.applyAsDouble(daily.get(base - 1).cost())));
            }
            for (int i = 0; i < forecast.size(); i++) {
                line.append(pt(
                        LEFT + (base + i) * step,
                        y.applyAsDouble(forecast.get(i).expected())));
            }
            svg.append("<polyline class=\"forecast\" fill=\"none\" stroke=\"#8250df\" stroke-width=\"2\" "
                            + "stroke-dasharray=\"6 4\" points=\"")
                    .append(line.toString().trim())
                    .append("\"/>\n");
            for (int i = 0; i < forecast.size(); i++) {
                CostOverview.ForecastPoint f = forecast.get(i);
                svg.append(String.format(
                        Locale.ROOT,
                        "<circle class=\"point forecast-point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#8250df\">"
                                + "<title>%s</title></circle>\n",
                        LEFT + (base + i) * step,
                        y.applyAsDouble(f.expected()),
                        Html.escape(f.date() + ": forecast " + money(f.expected(), currency) + " (80% "
                                + money(f.lower80(), currency) + " to " + money(f.upper80(), currency) + ")")));
            }
        }
        if (!daily.isEmpty()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < daily.size(); i++) {
                line.append(pt(LEFT + i * step, y.applyAsDouble(daily.get(i).cost())));
            }
            svg.append("<polyline class=\"actual\" fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" points=\"")
                    .append(line.toString().trim())
                    .append("\"/>\n");
            for (int i = 0; i < daily.size(); i++) {
                CostOverview.DailyCost d = daily.get(i);
                svg.append(String.format(
                        Locale.ROOT,
                        "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#0969da\"><title>%s</title>"
                                + "</circle>\n",
                        LEFT + i * step,
                        y.applyAsDouble(d.cost()),
                        Html.escape(d.date() + ": " + money(d.cost(), currency))));
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < daily.size(); i++) {
            index.put(daily.get(i).date(), i);
        }
        for (CostOverview.AnomalyMarker a : overview.anomalies()) {
            Integer i = index.get(a.date());
            if (i == null) {
                continue;
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle class=\"anomaly\" cx=\"%.1f\" cy=\"%.1f\" r=\"8\" fill=\"none\" stroke=\"#d1242f\" "
                            + "stroke-width=\"2.5\"><title>%s</title></circle>\n",
                    LEFT + i * step,
                    y.applyAsDouble(daily.get(i).cost()),
                    Html.escape(a.date() + " anomaly on " + a.dimension() + "=" + a.value() + ": impact "
                            + money(a.impact(), currency) + " (" + a.severity() + ")")));
        }
        legend(svg);
        return svg.append("</svg>\n").toString();
    }

    private static void legend(StringBuilder svg) {
        int x = LEFT + 4;
        svg.append("<g class=\"legend\" font-size=\"12\" fill=\"#333\">")
                .append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"12\" x2=\"%d\" y2=\"12\" stroke=\"#0969da\" "
                                + "stroke-width=\"2\"/><text x=\"%d\" y=\"16\">actual</text>",
                        x,
                        x + 18,
                        x + 22))
                .append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"12\" x2=\"%d\" y2=\"12\" stroke=\"#8250df\" "
                                + "stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"16\">forecast (80%%, 95%% "
                                + "bands)</text>",
                        x + 80,
                        x + 98,
                        x + 102))
                .append(String.format(
                        Locale.ROOT,
                        "<circle cx=\"%d\" cy=\"12\" r=\"6\" fill=\"none\" "
                                + "stroke=\"#d1242f\" stroke-width=\"2\"/><text x=\"%d\" y=\"16\">anomaly</text>",
                        x + 290,
                        x + 300))
                .append("</g>\n");
    }

    private static void dateTick(StringBuilder svg, double x, double axisY, String date, String anchor) {
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\"/>\n",
                x,
                axisY,
                x,
                axisY + 5));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"12\" fill=\"#333\">%s</text>\n",
                x,
                axisY + 19,
                anchor,
                Html.escape(date)));
    }

    /** Horizontal bars, largest first, labelled with name and amount in the currency; a value axis below. */
    static String bars(String title, List<String> labels, List<Double> values, String currency) {
        if (labels.isEmpty()) {
            return "<p>Nothing to draw.</p>";
        }
        int rowH = 26;
        int height = TOP + labels.size() * rowH + 34;
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double[] ticks = ticks(0, max <= 0 ? 1 : max);
        double hi = ticks[ticks.length - 1];
        int labelW = 280;
        double barMax = WIDTH - labelW - 130;
        StringBuilder svg = open(title + " (" + currency + ")", height);
        int axisY = TOP + labels.size() * rowH + 4;
        for (double t : ticks) {
            double x = labelW + t / hi * barMax;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eaeef2\"/>\n",
                    x,
                    TOP,
                    x,
                    axisY));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">%s</text>\n",
                    x,
                    axisY + 16,
                    Html.escape(amount(t, ticks) + " " + currency)));
        }
        for (int i = 0; i < labels.size(); i++) {
            double w = Math.max(0, values.get(i)) / hi * barMax;
            int yTop = TOP + i * rowH;
            svg.append(text(labelW - 8, yTop + 16, "end", shorten(labels.get(i))));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#2da44e\"><title>%s"
                            + "</title></rect>\n",
                    labelW,
                    yTop + 2,
                    Math.max(1, w),
                    Html.escape(labels.get(i) + ": " + money(values.get(i), currency))));
            svg.append(text((int) (labelW + Math.max(1, w) + 6), yTop + 16, "start", money(values.get(i), currency)));
        }
        return svg.append("</svg>\n").toString();
    }

    /** About five round ticks from {@code min} (or 0) to at least {@code max}. */
    static double[] ticks(double min, double max) {
        double range = max - min;
        double raw = range / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        double start = Math.floor(min / step) * step;
        int count = (int) Math.ceil((max - start) / step - 1e-9) + 1;
        double[] out = new double[Math.max(2, count)];
        for (int i = 0; i < out.length; i++) {
            out[i] = start + i * step;
        }
        return out;
    }

    private static String amount(double v, double[] ticks) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
        int decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 4;
        return String.format(Locale.ROOT, "%,." + decimals + "f", Math.abs(v) < step / 1e6 ? 0 : v);
    }

    private static String money(double v, String currency) {
        return MarkdownReport.money(v, currency);
    }

    private static String band(
            List<CostOverview.ForecastPoint> forecast, int base, double step, DoubleUnaryOperator y, boolean outer) {
        List<String> upper = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        for (int i = 0; i < forecast.size(); i++) {
            CostOverview.ForecastPoint f = forecast.get(i);
            double x = LEFT + (base + i) * step;
            upper.add(pt(x, y.applyAsDouble(outer ? f.upper95() : f.upper80())));
            lower.add(0, pt(x, y.applyAsDouble(outer ? f.lower95() : f.lower80())));
        }
        return "<polygon class=\"" + (outer ? "band95" : "band80") + "\" fill=\"" + (outer ? "#e8dcff" : "#d2bdfb")
                + "\" fill-opacity=\"0.6\" points=\"" + String.join("", upper).trim() + " "
                + String.join("", lower).trim() + "\"><title>" + (outer ? "95%" : "80%")
                + " prediction interval</title></polygon>\n";
    }

    private static StringBuilder open(String title, int height) {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" preserveAspectRatio=\"xMidYMid meet\">"
                        + "<title>%s</title>\n",
                WIDTH,
                height,
                Html.escape(title)));
    }

    private static String text(int x, int yPos, String anchor, String content) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"12\" fill=\"#333\">%s</text>\n",
                x,
                yPos,
                anchor,
                Html.escape(content));
    }

    private static String pt(double x, double yPos) {
        return String.format(Locale.ROOT, "%.1f,%.1f ", x, yPos);
    }

    private static String shorten(String label) {
        String s = label == null ? "(none)" : label;
        return s.length() > 40 ? s.substring(0, 39) + "…" : s;
    }
}
