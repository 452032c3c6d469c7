package dev.costagent.core.analysis.series;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The daily cost of one value of a dimension (or of the total), one number per day of an axis, zero where there were
 * no rows.
 *
 * @param dimension the dimension label, e.g. {@code ServiceName}, or {@link #TOTAL}
 * @param value the dimension value ({@link #NONE} for rows without one; {@link #TOTAL} for the total)
 * @param axis the days
 * @param values one per day of the axis
 */
public record DailySeries(String dimension, String value, DayAxis axis, double[] values) {

    /** The dimension and value label of the total series. */
    public static final String TOTAL = "total";
    /** The value label of rows without a value for the dimension. */
    public static final String NONE = "(none)";

    /** Copies the values and checks they fit the axis. */
    public DailySeries {
        requireNonNull(dimension, "dimension");
        requireNonNull(value, "value");
        requireNonNull(axis, "axis");
        if (values.length != axis.days()) {
            throw new IllegalArgumentException("series " + dimension + "=" + value + " has " + values.length
                    + " values for " + axis.days() + " days");
        }
        values = values.clone();
    }

    /** The values (a copy). */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The value on one day index. */
    public double at(int index) {
        return values[index];
    }

    /** The value on a day; zero off the axis. */
    public double on(LocalDate day) {
        int i = axis.indexOf(day);
        return i < 0 ? 0 : values[i];
    }

    /** The sum over days {@code from} (inclusive) to {@code to} (exclusive), clipped to the axis. */
    public double sum(int from, int to) {
        double s = 0;
        for (int i = Math.max(from, 0); i < Math.min(to, values.length); i++) {
            s += values[i];
        }
        return s;
    }

    /** The sum over all days. */
    public double sum() {
        return sum(0, values.length);
    }

    /** Whether this is the total series. */
    @JsonIgnore
    public boolean isTotal() {
        return TOTAL.equals(dimension);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailySeries s
                && s.dimension.equals(dimension)
                && s.value.equals(value)
                && s.axis.equals(axis)
                && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return (dimension.hashCode() * 31 + value.hashCode()) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "DailySeries[" + dimension + "=" + value + ", " + axis.first() + " +" + axis.days() + "d, sum=" + sum()
                + "]";
    }
}
