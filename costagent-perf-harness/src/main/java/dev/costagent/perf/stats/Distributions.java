package dev.costagent.perf.stats;

/**
 * The few distribution functions the tests need: standard normal CDF and quantile, and Student's t quantile.
 */
public final class Distributions {

    private Distributions() {}

    /** Standard normal cumulative distribution function Φ(z), accurate to about 1e-7. */
    public static double normalCdf(double z) {
        // Φ(z) = 1 − erfc(z/√2)/2; erfc by the published Chebyshev fit erfc(x) ≈ t·exp(−x² + P(t)),
        // t = 1/(1 + x/2), whose fractional error is below 1.2e-7 for every x ≥ 0.
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * x);
        double poly = -x * x
                - 1.26551223
                + t
                        * (1.00002368
                                + t
                                        * (0.37409196
                                                + t
                                                        * (0.09678418
                                                                + t
                                                                        * (-0.18628806
                                                                                + t
                                                                                        * (0.27886807
                                                                                                + t
                                                                                                        * (-1.13520398
                                                                                                                + t
                                                                                                                        * (1.48851587
                                                                                                                                + t
                                                                                                                                        * (-0.82215223
                                                                                                                                                + t
                                                                                                                                                        * 0.17087277))))))));
        double erfc = t * Math.exp(poly);
        return z >= 0 ? 1 - erfc / 2 : erfc / 2;
    }

    /** Standard normal quantile Φ⁻¹(p) by bisection refined with Newton steps; p in (0, 1). */
    public static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), was " + p);
        }
        double low = -40;
        double high = 40;
        for (int i = 0; i < 200 && high - low > 1e-12; i++) {
            double mid = (low + high) / 2;
            if (normalCdf(mid) < p) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /**
     * Student's t quantile for {@code degreesOfFreedom}, via the Cornish–Fisher expansion around the normal
     * quantile (within 1% for df ≥ 3, exact in the limit), and exact closed forms for df 1 and 2.
     */
    public static double studentTQuantile(double p, int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, was " + degreesOfFreedom);
        }
        if (degreesOfFreedom == 1) {
            return Math.tan(Math.PI * (p - 0.5));
        }
        if (degreesOfFreedom == 2) {
            double a = 4 * p * (1 - p);
            return (2 * p - 1) * Math.sqrt(2 / a);
        }
        double z = normalQuantile(p);
        double n = degreesOfFreedom;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        double z9 = z7 * z * z;
        return z
                + (z3 + z) / (4 * n)
                + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n)
                + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * n * n * n * n);
    }
}
