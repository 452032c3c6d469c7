package dev.costagent.core.analysis.forecast;

/**
 * Additive Holt-Winters with damped trend and a 7-day season in error-correction form (ETS(A,Ad,A)):
 * <pre>
 *   ŷ(t)  = ℓ + φ·b + s[t mod 7]          e = y(t) − ŷ(t)
 *   ℓ    ← ℓ + φ·b + α·e
 *   b    ← φ·b + β·e
 *   s[t mod 7] ← s[t mod 7] + γ·e
 * </pre>
 * with 0 &lt; α &lt; 1, 0 ≤ β ≤ α, 0 ≤ γ ≤ 1 − α. Initial states from the first two weeks (level and trend from the
 * weekly means, season from the deviations of each weekday from its week's mean). Parameters by grid search on the
 * one-step squared error from the second week on. An instance is an immutable fitted model.
 */
final class HoltWinters {
    static final int SEASON = 7;

    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9};
    private static final double[] BETA_FRACTIONS = {0, 0.02, 0.1, 0.3};
    private static final double[] GAMMA_FRACTIONS = {0, 0.05, 0.1, 0.2, 0.4};
    private static final double[] PHIS = {0.9, 0.98, 1.0};

    final double alpha;
    final double beta;
    final double gamma;
    final double phi;
    /** Variance of the one-step errors. */
    final double sigma2;
    /** Number of observations fitted. */
    final int n;

    private final double level;
    private final double trend;
    private final double[] season;

    private HoltWinters(
            double alpha,
            double beta,
            double gamma,
            double phi,
            double sigma2,
            int n,
            double level,
            double trend,
            double[] season) {
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.phi = phi;
        this.sigma2 = sigma2;
        this.n = n;
        this.level = level;
        this.trend = trend;
        this.season = season;
    }

    /** The model with the least one-step squared error on {@code y[0..n)}, n ≥ 14. */
    static HoltWinters fit(double[] y, int n) {
        if (n < 2 * SEASON) {
            throw new IllegalArgumentException("Holt-Winters needs at least 14 days, got " + n);
        }
        double[] state = new double[2 + SEASON];
        double bestSse = Double.POSITIVE_INFINITY;
        double[] best = null;
        for (double phi : PHIS) {
            for (double alpha : ALPHAS) {
                for (double bf : BETA_FRACTIONS) {
                    for (double gf : GAMMA_FRACTIONS) {
                        double beta = alpha * bf;
                        double gamma = (1 - alpha) * gf;
                        double sse = run(y, n, alpha, beta, gamma, phi, state);
                        if (sse < bestSse) {
                            bestSse = sse;
                            best = new double[] {alpha, beta, gamma, phi};
                        }
                    }
                }
            }
        }
        double sse = run(y, n, best[0], best[1], best[2], best[3], state);
        int counted = n - SEASON;
        double sigma2 = sse / Math.max(1, counted - 3);
        double[] season = new double[SEASON];
        System.arraycopy(state, 2, season, 0, SEASON);
        return new HoltWinters(best[0], best[1], best[2], best[3], sigma2, n, state[0], state[1], season);
    }

    /** Runs the recursions; returns the SSE from day 7 on and leaves the final states in {@code state}. */
    private static double run(double[] y, int n, double alpha, double beta, double gamma, double phi, double[] state) {
        initialise(y, state);
        double l = state[0];
        double b = state[1];
        double sse = 0;
        for (int t = 0; t < n; t++) {
            int j = 2 + t % SEASON;
            double e = y[t] - (l + phi * b + state[j]);
            if (t >= SEASON) {
                sse += e * e;
            }
            l = l + phi * b + alpha * e;
            b = phi * b + beta * e;
            state[j] += gamma * e;
        }
        state[0] = l;
        state[1] = b;
        return sse;
    }

    /** Level and trend as of day −1, season per residue of day mod 7, from the first two weeks. */
    private static void initialise(double[] y, double[] state) {
        double week1 = 0;
        double week2 = 0;
        for (int i = 0; i < SEASON; i++) {
            week1 += y[i];
            week2 += y[SEASON + i];
        }
        week1 /= SEASON;
        week2 /= SEASON;
        double trend = (week2 - week1) / SEASON;
        // week 1's mean sits at day 3; the level before day 0 is four trend steps earlier
        state[0] = week1 - 4 * trend;
        state[1] = trend;
        for (int i = 0; i < SEASON; i++) {
            // deviation from the trend line through the weekly means (centred on day 3 of each week)
            double line = trend * (i - 3);
            state[2 + i] = ((y[i] - week1 - line) + (y[SEASON + i] - week2 - line)) / 2;
        }
    }

    /** The point forecast h days after the last fitted day (h ≥ 1). */
    double point(int h) {
        double damp = 0;
        double p = 1;
        for (int i = 1; i <= h; i++) {
            p *= phi;
            damp += p;
        }
        return level + damp * trend + season[(n - 1 + h) % SEASON];
    }

    /** c_j = α + β(φ + … + φ^j) + γ·[j mod 7 = 0]: how an error j steps back feeds a forecast. */
    private double c(int j) {
        double damp = 0;
        double p = 1;
        for (int i = 1; i <= j; i++) {
            p *= phi;
            damp += p;
        }
        return alpha + beta * damp + (j % SEASON == 0 ? gamma : 0);
    }

    /** The forecast error variance of the day h steps ahead: σ²(1 + Σ_{j=1}^{h−1} c_j²). */
    double variance(int h) {
        double sum = 1;
        for (int j = 1; j < h; j++) {
            double cj = c(j);
            sum += cj * cj;
        }
        return sigma2 * sum;
    }

    /**
     * The forecast error variance of the sum of the next H days: σ² Σ_{k=1}^{H} (1 + Σ_{j=1}^{H−k} c_j)², since the
     * error of day k ahead feeds every later day of the sum.
     */
    double sumVariance(int horizon) {
        double[] cumulative = new double[horizon + 1];
        for (int j = 1; j <= horizon; j++) {
            cumulative[j] = cumulative[j - 1] + c(j);
        }
        double sum = 0;
        for (int k = 1; k <= horizon; k++) {
            double w = 1 + cumulative[horizon - k];
            sum += w * w;
        }
        return sigma2 * sum;
    }
}
