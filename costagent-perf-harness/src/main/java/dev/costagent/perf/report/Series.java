package dev.costagent.perf.report;

import java.util.Arrays;
import java.util.Objects;

/**
 * One line of a {@link Chart}: points (x, y), drawn as a line with markers or, for fitted models, a dashed line.
 *
 * @param name   legend label
 * @param x      x values
 * @param y      y values, as many as x; NaN values leave a gap
 * @param fitted whether this is a model curve (dashed, no markers) rather than measurements
 */
public record Series(String name, double[] x, double[] y, boolean fitted) {

    /** Validates and copies. */
    public Series {
        Objects.requireNonNull(name, "name");
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "series '" + name + "': " + x.length + " x values but " + y.length + " y values");
        }
        x = x.clone();
        y = y.clone();
    }

    /** Measured points. */
    public static Series measured(String name, double[] x, double[] y) {
        return new Series(name, x, y, false);
    }

    /** A model curve. */
    public static Series fitted(String name, double[] x, double[] y) {
        return new Series(name, x, y, true);
    }

    /** Whether any point has a finite y value. */
    public boolean hasData() {
        for (double value : y) {
            if (Double.isFinite(value)) {
                return true;
            }
        }
        return false;
    }

    /** A copy of the x values. */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** A copy of the y values. */
    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Series s
                && name.equals(s.name)
                && fitted == s.fitted
                && Arrays.equals(x, s.x)
                && Arrays.equals(y, s.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, fitted, Arrays.hashCode(x), Arrays.hashCode(y));
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + x.length + " points" + (fitted ? ", fitted" : "") + "]";
    }
}
