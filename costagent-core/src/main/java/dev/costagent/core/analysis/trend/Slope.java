package dev.costagent.core.analysis.trend;

/**
 * The least-squares line through the last days of a series.
 *
 * @param perDay the slope: cost change per day
 * @param standardError its standard error (from the residual variance; days are treated as independent, so with
 *     weekly seasonality read it as a lower bound)
 * @param days days fitted
 * @param percentPerDay the slope as a percentage of the mean daily cost over those days ({@code null} when the mean
 *     is 0)
 */
public record Slope(double perDay, double standardError, int days, Double percentPerDay) {

    /** perDay / standardError; ±∞ for a perfect line with a slope, 0 for a flat one. */
    public double tStatistic() {
        if (standardError == 0) {
            return perDay == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, perDay);
        }
        return perDay / standardError;
    }

    /** The OLS fit of {@code y[from..to)} against the day index. Needs at least 3 days. */
    static Slope fit(double[] y, int from, int to) {
        int n = to - from;
        if (n < 3) {
            throw new IllegalArgumentException("a slope needs at least 3 days, got " + n);
        }
        double meanX = (n - 1) / 2.0;
        double meanY = 0;
        for (int i = from; i < to; i++) {
            meanY += y[i];
        }
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = i - meanX;
            sxx += dx * dx;
            sxy += dx * (y[from + i] - meanY);
        }
        double slope = sxy / sxx;
        double ssr = 0;
        for (int i = 0; i < n; i++) {
            double r = y[from + i] - (meanY + slope * (i - meanX));
            ssr += r * r;
        }
        double se = Math.sqrt(ssr / (n - 2) / sxx);
        return new Slope(slope, se, n, meanY == 0 ? null : 100 * slope / Math.abs(meanY));
    }
}
