package dev.costagent.perf.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Chart} as a self-contained inline SVG element: axes with rounded ticks (powers of ten on log
 * axes), one polyline per series (dashed for fitted curves, with point markers for short measured series), NaN
 * values leaving gaps, and a legend. No scripts, fonts or external references.
 */
public final class SvgChart {

    private static final String[] COLORS = {
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"
    };
    private static final int WIDTH = 560;
    private static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 44;

    private SvgChart() {}

    /** The chart as an {@code <svg>} element. */
    public static String render(Chart chart) {
        Range xRange = range(chart, true);
        Range yRange = range(chart, false);
        int legendRows = (chart.series().size() + 1) / 2;
        int height = HEIGHT + 8 + legendRows * 16;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                        + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
                WIDTH,
                height,
                WIDTH,
                height,
                escape(chart.title())));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"bold\">%s</text>",
                LEFT,
                escape(chart.title())));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" " + "stroke=\"#999\"/>",
                LEFT,
                TOP,
                plotW,
                plotH));
        if (xRange == null || yRange == null) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#666\">no data</text>",
                    LEFT + plotW / 2 - 20,
                    TOP + plotH / 2));
            return svg.append("</svg>").toString();
        }
        Axis x = new Axis(xRange, chart.logX(), LEFT, LEFT + plotW);
        Axis y = new Axis(yRange, chart.logY(), TOP + plotH, TOP);
        for (double tick : x.ticks()) {
            double px = x.map(tick);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e3e3e3\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                    px,
                    TOP,
                    px,
                    TOP + plotH,
                    px,
                    TOP + plotH + 14,
                    escape(label(tick))));
        }
        for (double tick : y.ticks()) {
            double py = y.map(tick);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                    LEFT,
                    py,
                    LEFT + plotW,
                    py,
                    LEFT - 4,
                    py + 3,
                    escape(label(tick))));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                LEFT + plotW / 2,
                TOP + plotH + 32,
                escape(chart.xLabel() + (chart.logX() ? " (log)" : ""))));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"12\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" "
                        + "transform=\"rotate(-90 12 %d)\">%s</text>",
                TOP + plotH / 2,
                TOP + plotH / 2,
                escape(chart.yLabel() + (chart.logY() ? " (log)" : ""))));
        for (int s = 0; s < chart.series().size(); s++) {
            Series series = chart.series().get(s);
            String color = COLORS[s % COLORS.length];
            appendSeries(svg, series, x, y, color);
            int lx = LEFT + (s % 2) * (plotW / 2);
            int ly = HEIGHT + 8 + (s / 2) * 16;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                            + "stroke-width=\"2\"%s/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
                    lx,
                    ly - 4,
                    lx + 18,
                    ly - 4,
                    color,
                    series.fitted() ? " stroke-dasharray=\"5,3\"" : "",
                    lx + 22,
                    ly,
                    escape(series.name())));
        }
        return svg.append("</svg>").toString();
    }

    private static void appendSeries(StringBuilder svg, Series series, Axis x, Axis y, String color) {
        double[] xs = series.x();
        double[] ys = series.y();
        List<String> segment = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        for (int i = 0; i <= xs.length; i++) {
            boolean valid = i < xs.length && x.accepts(xs[i]) && y.accepts(ys[i]);
            if (valid) {
                String point = String.format(Locale.ROOT, "%.1f,%.1f", x.map(xs[i]), y.map(ys[i]));
                segment.add(point);
                if (!series.fitted() && xs.length <= 60) {
                    markers.add(String.format(
                            Locale.ROOT,
                            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>",
                            x.map(xs[i]),
                            y.map(ys[i]),
                            color));
                }
            } else if (!segment.isEmpty()) {
                svg.append("<polyline fill=\"none\" stroke=\"")
                        .append(color)
                        .append("\" stroke-width=\"1.6\"")
                        .append(series.fitted() ? " stroke-dasharray=\"5,3\"" : "")
                        .append(" points=\"")
                        .append(String.join(" ", segment))
                        .append("\"/>");
                segment.clear();
            }
        }
        markers.forEach(svg::append);
    }

    private static Range range(Chart chart, boolean horizontal) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean log = horizontal ? chart.logX() : chart.logY();
        for (Series s : chart.series()) {
            for (double v : horizontal ? s.x() : s.y()) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            return null;
        }
        if (!log && !horizontal && min >= 0) {
            min = 0; // magnitudes read honestly from a zero baseline
        }
        if (min == max) {
            if (log) {
                min /= 2;
                max *= 2;
            } else if (min == 0) {
                max = 1;
            } else {
                double pad = Math.abs(min) * 0.1;
                min = min > 0 && !horizontal ? 0 : min - pad;
                max += pad;
            }
        }
        return new Range(min, max);
    }

    private static String label(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return trim(value / 1e9) + "G";
        }
        if (abs >= 1e6) {
            return trim(value / 1e6) + "M";
        }
        if (abs >= 1e4) {
            return trim(value / 1e3) + "k";
        }
        return trim(value);
    }

    private static String trim(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e4) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        String text = String.format(Locale.ROOT, "%.3g", value);
        if (text.contains("e")) {
            return text;
        }
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    /** Escapes text for XML content and attributes. */
    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private record Range(double min, double max) {}

    /** Maps data values to pixels along one axis. */
    private record Axis(Range range, boolean log, double from, double to) {

        boolean accepts(double value) {
            return Double.isFinite(value) && (!log || value > 0);
        }

        double map(double value) {
            double lo = log ? Math.log10(range.min()) : range.min();
            double hi = log ? Math.log10(range.max()) : range.max();
            double v = log ? Math.log10(value) : value;
            return from + (v - lo) / (hi - lo) * (to - from);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double p = Math.pow(10, Math.floor(Math.log10(range.min()))); p <= range.max() * 1.0001; p *= 10) {
                    if (p >= range.min() * 0.9999) {
                        ticks.add(p);
                    }
                }
                if (ticks.size() < 2) {
                    ticks.add(range.min());
                    ticks.add(range.max());
                }
                return ticks;
            }
            double span = range.max() - range.min();
            double raw = span / 5;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = raw / magnitude < 1.5
                    ? magnitude
                    : raw / magnitude < 3 ? 2 * magnitude : raw / magnitude < 7 ? 5 * magnitude : 10 * magnitude;
            for (double t = Math.ceil(range.min() / step) * step; t <= range.max() + step * 1e-9; t += step) {
                ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
            }
            return ticks;
        }
    }
}
