package dev.costagent.perf.report;

import java.util.List;
import java.util.Objects;

/**
 * A line chart in a report: a title, axis labels, one or more {@link Series}; optionally logarithmic axes (for
 * data-volume curves). Rendered as inline SVG by {@link SvgChart}.
 *
 * @param title  heading above the chart
 * @param xLabel x-axis label with unit
 * @param yLabel y-axis label with unit
 * @param series the lines
 * @param logX   logarithmic x axis
 * @param logY   logarithmic y axis
 */
public record Chart(String title, String xLabel, String yLabel, List<Series> series, boolean logX, boolean logY) {

    /** Validates and copies. */
    public Chart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        series = List.copyOf(series);
    }

    /** A chart with linear axes. */
    public static Chart linear(String title, String xLabel, String yLabel, List<Series> series) {
        return new Chart(title, xLabel, yLabel, series, false, false);
    }

    /**
     * This chart without the series that hold no finite value (a series never measured, such as heap after GC when
     * no collection ran, would otherwise draw as a gap or a misleading zero line); empty when none has data.
     */
    public java.util.Optional<Chart> withData() {
        List<Series> kept = series.stream().filter(Series::hasData).toList();
        return kept.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(new Chart(title, xLabel, yLabel, kept, logX, logY));
    }

    /** A chart with logarithmic axes. */
    public static Chart logLog(String title, String xLabel, String yLabel, List<Series> series) {
        return new Chart(title, xLabel, yLabel, series, true, true);
    }
}
