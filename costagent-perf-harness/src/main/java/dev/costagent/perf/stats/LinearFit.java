package dev.costagent.perf.stats;

/**
 * A straight line y = intercept + slope·x fitted by least squares.
 *
 * @param intercept value at x = 0
 * @param slope     change of y per unit of x
 * @param rSquared  coefficient of determination (1 is a perfect fit; NaN when y is constant)
 */
public record LinearFit(double intercept, double slope, double rSquared) {

    /** The fitted value at {@code x}. */
    public double at(double x) {
        return intercept + slope * x;
    }
}
