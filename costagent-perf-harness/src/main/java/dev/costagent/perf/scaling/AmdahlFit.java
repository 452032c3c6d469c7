package dev.costagent.perf.scaling;

import dev.costagent.perf.stats.LeastSquares;

/**
 * Amdahl's law fitted to measured speedups: S(N) = N / (1 + σ(N − 1)), where σ is the serial fraction.
 * Fitted by least squares on the linearized form N/S − 1 = σ(N − 1).
 *
 * @param sigma    serial (contended) fraction in [0, 1]
 * @param rSquared goodness of fit on the speedups
 */
public record AmdahlFit(double sigma, double rSquared) {

    /** Fits σ to speedups at worker counts (needs at least two counts). */
    public static AmdahlFit fit(double[] workers, double[] speedups) {
        double[] x = new double[workers.length];
        double[] y = new double[workers.length];
        for (int i = 0; i < workers.length; i++) {
            x[i] = workers[i] - 1;
            y[i] = workers[i] / speedups[i] - 1;
        }
        double sigma = Math.min(1, Math.max(0, LeastSquares.withoutIntercept(new double[][] {x}, y)[0]));
        AmdahlFit unscored = new AmdahlFit(sigma, Double.NaN);
        double[] fitted = new double[workers.length];
        for (int i = 0; i < workers.length; i++) {
            fitted[i] = unscored.speedup(workers[i]);
        }
        return new AmdahlFit(sigma, LeastSquares.rSquared(speedups, fitted));
    }

    /** Predicted speedup at {@code workers}. */
    public double speedup(double workers) {
        return workers / (1 + sigma * (workers - 1));
    }

    /** The speedup limit 1/σ (infinite when σ = 0). */
    public double maxSpeedup() {
        return sigma == 0 ? Double.POSITIVE_INFINITY : 1 / sigma;
    }
}
