package dev.costagent.perf.stats;

/**
 * Ordinary least squares for the small models the harness fits: a straight line, and a linear model without
 * intercept in a few regressors (used to fit Amdahl's and the Universal Scalability Law after linearization).
 */
public final class LeastSquares {

    private LeastSquares() {}

    /** Fits y = a + b·x; needs at least two distinct x values. */
    public static LinearFit line(double[] x, double[] y) {
        requireSameLength(x, y);
        if (x.length < 2) {
            throw new IllegalArgumentException("a line needs at least 2 points, got " + x.length);
        }
        double meanX = Stats.mean(x);
        double meanY = Stats.mean(y);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("a line needs at least 2 distinct x values");
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double[] fitted = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            fitted[i] = intercept + slope * x[i];
        }
        return new LinearFit(intercept, slope, rSquared(y, fitted));
    }

    /**
     * Fits y = Σ cⱼ·regressorsⱼ (no intercept) by solving the normal equations.
     *
     * @param regressors one array per regressor, each as long as {@code y}
     * @return the coefficients cⱼ in regressor order
     */
    public static double[] withoutIntercept(double[][] regressors, double[] y) {
        int k = regressors.length;
        if (k == 0) {
            throw new IllegalArgumentException("at least one regressor is needed");
        }
        for (double[] column : regressors) {
            requireSameLength(column, y);
        }
        if (y.length < k) {
            throw new IllegalArgumentException(k + " coefficients need at least " + k + " points, got " + y.length);
        }
        double[][] augmented = new double[k][k + 1];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                augmented[r][c] = dot(regressors[r], regressors[c]);
            }
            augmented[r][k] = dot(regressors[r], y);
        }
        return solve(augmented);
    }

    /** Coefficient of determination of {@code fitted} against {@code observed}; NaN when observed is constant. */
    public static double rSquared(double[] observed, double[] fitted) {
        requireSameLength(observed, fitted);
        double mean = Stats.mean(observed);
        double total = 0;
        double residual = 0;
        for (int i = 0; i < observed.length; i++) {
            total += (observed[i] - mean) * (observed[i] - mean);
            residual += (observed[i] - fitted[i]) * (observed[i] - fitted[i]);
        }
        return total == 0 ? Double.NaN : 1 - residual / total;
    }

    private static double[] solve(double[][] m) {
        int k = m.length;
        for (int pivot = 0; pivot < k; pivot++) {
            int best = pivot;
            for (int r = pivot + 1; r < k; r++) {
                if (Math.abs(m[r][pivot]) > Math.abs(m[best][pivot])) {
                    best = r;
                }
            }
            double[] swap = m[pivot];
            m[pivot] = m[best];
            m[best] = swap;
            if (Math.abs(m[pivot][pivot]) < 1e-300) {
                throw new IllegalArgumentException("regressors are linearly dependent; the fit is not determined");
            }
            for (int r = 0; r < k; r++) {
                if (r != pivot) {
                    double factor = m[r][pivot] / m[pivot][pivot];
                    for (int c = pivot; c <= k; c++) {
                        m[r][c] -= factor * m[pivot][c];
                    }
                }
            }
        }
        double[] solution = new double[k];
        for (int r = 0; r < k; r++) {
            solution[r] = m[r][k] / m[r][r];
        }
        return solution;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("arrays differ in length: " + a.length + " vs " + b.length);
        }
    }
}
