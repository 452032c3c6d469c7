package dev.costagent.perf.scaling;

import dev.costagent.perf.stats.LeastSquares;

/**
 * The Universal Scalability Law fitted to measured speedups: S(N) = N / (1 + σ(N − 1) + κN(N − 1)), with σ the
 * contention and κ the coherency (crosstalk) cost. With κ &gt; 0 throughput peaks at N* = √((1 − σ)/κ) and then
 * falls. Fitted by least squares on N/S − 1 = σ(N − 1) + κN(N − 1), with both coefficients kept non-negative.
 *
 * @param sigma    contention coefficient, ≥ 0
 * @param kappa    coherency coefficient, ≥ 0
 * @param rSquared goodness of fit on the speedups
 */
public record UslFit(double sigma, double kappa, double rSquared) {

    /** Fits σ and κ (needs at least three worker counts for both; with two, κ is fixed at 0). */
    public static UslFit fit(double[] workers, double[] speedups) {
        int n = workers.length;
        double[] contention = new double[n];
        double[] coherency = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            contention[i] = workers[i] - 1;
            coherency[i] = workers[i] * (workers[i] - 1);
            y[i] = workers[i] / speedups[i] - 1;
        }
        double sigma;
        double kappa;
        double[] both = distinctAbove1(workers) >= 2
                ? LeastSquares.withoutIntercept(new double[][] {contention, coherency}, y)
                : null;
        if (both != null && both[0] >= 0 && both[1] >= 0) {
            sigma = both[0];
            kappa = both[1];
        } else if (both != null && both[0] < 0 && both[1] > 0) {
            sigma = 0; // pure coherency
            kappa = Math.max(0, LeastSquares.withoutIntercept(new double[][] {coherency}, y)[0]);
        } else {
            sigma = Math.max(0, LeastSquares.withoutIntercept(new double[][] {contention}, y)[0]);
            kappa = 0;
        }
        UslFit unscored = new UslFit(sigma, kappa, Double.NaN);
        double[] fitted = new double[n];
        for (int i = 0; i < n; i++) {
            fitted[i] = unscored.speedup(workers[i]);
        }
        return new UslFit(sigma, kappa, LeastSquares.rSquared(speedups, fitted));
    }

    /** Predicted speedup at {@code workers}. */
    public double speedup(double workers) {
        return workers / (1 + sigma * (workers - 1) + kappa * workers * (workers - 1));
    }

    /** Worker count of peak throughput, √((1 − σ)/κ); infinite when κ = 0 (no retrograde region). */
    public double peakWorkers() {
        return kappa <= 0 ? Double.POSITIVE_INFINITY : Math.sqrt(Math.max(0, 1 - sigma) / kappa);
    }

    private static int distinctAbove1(double[] workers) {
        return (int)
                java.util.Arrays.stream(workers).filter(w -> w > 1).distinct().count();
    }
}
