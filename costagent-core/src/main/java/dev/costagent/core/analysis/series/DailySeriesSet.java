package dev.costagent.core.analysis.series;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The daily series of every value of one dimension, on one axis, ordered by total cost, largest first.
 *
 * @param dimension the dimension label
 * @param axis the common days
 * @param series one per value
 */
public record DailySeriesSet(String dimension, DayAxis axis, List<DailySeries> series) {

    /** Copies the list. */
    public DailySeriesSet {
        requireNonNull(dimension, "dimension");
        requireNonNull(axis, "axis");
        series = List.copyOf(series);
    }

    /** The series of one value, if present. */
    public Optional<DailySeries> get(String value) {
        return series.stream().filter(s -> s.value().equals(value)).findFirst();
    }

    /** The per-day sum over all values: the total series. */
    public DailySeries total() {
        double[] sum = new double[axis.days()];
        for (DailySeries s : series) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += s.at(i);
            }
        }
        return new DailySeries(DailySeries.TOTAL, DailySeries.TOTAL, axis, sum);
    }
}
