package dev.costagent.core.analysis.anomaly;

import dev.costagent.core.analysis.series.DailySeries;

/** The label of a scanned series: {@code total}, or {@code dimension=value}. */
final class DailySeriesLabel {
    private DailySeriesLabel() {}

    static String of(String dimension, String value) {
        return DailySeries.TOTAL.equals(dimension) ? DailySeries.TOTAL : dimension + "=" + value;
    }
}
