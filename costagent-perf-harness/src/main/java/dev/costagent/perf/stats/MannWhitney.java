package dev.costagent.perf.stats;

import java.util.Arrays;

/**
 * Mann–Whitney U test (Wilcoxon rank-sum): do two samples come from the same distribution? Rank-based, so robust
 * to the outliers (GC pauses, interrupts) that make benchmark timings heavy-tailed.
 *
 * <p>The p-value uses the normal approximation with tie and continuity corrections, accurate for the usual
 * benchmark sample sizes (five or more per side).
 */
public final class MannWhitney {

    private MannWhitney() {}

    /**
     * The outcome of a two-sided test.
     *
     * @param u                      the U statistic of the second sample: the number of pairs (a, b) with b &gt; a,
     *                               ties counting one half
     * @param z                      the standardized statistic; positive when the second sample tends to be larger
     * @param pValue                 two-sided p-value
     * @param probabilitySecondLarger U / (n₁·n₂): estimated P(b &gt; a), 0.5 when both are alike
     */
    public record Result(double u, double z, double pValue, double probabilitySecondLarger) {

        /** Whether the difference is significant at level {@code alpha}. */
        public boolean significantAt(double alpha) {
            return pValue < alpha;
        }
    }

    /** Tests whether {@code second} differs from {@code first}. */
    public static Result test(double[] first, double[] second) {
        Stats.requireNonEmpty(first);
        Stats.requireNonEmpty(second);
        int n1 = first.length;
        int n2 = second.length;
        int n = n1 + n2;
        double[] values = new double[n];
        System.arraycopy(first, 0, values, 0, n1);
        System.arraycopy(second, 0, values, n1, n2);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));

        double[] ranks = new double[n];
        double tieTerm = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = averageRank;
            }
            double tied = j - i + 1;
            tieTerm += tied * tied * tied - tied;
            i = j + 1;
        }
        double rankSumSecond = 0;
        for (int k = n1; k < n; k++) {
            rankSumSecond += ranks[k];
        }
        double u = rankSumSecond - n2 * (n2 + 1) / 2.0;
        double meanU = n1 * (double) n2 / 2;
        double variance = n1 * (double) n2 / 12.0 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
        if (variance <= 0) {
            return new Result(u, 0, 1, u / (n1 * (double) n2));
        }
        double difference = u - meanU;
        double corrected = Math.max(0, Math.abs(difference) - 0.5);
        double z = Math.signum(difference) * corrected / Math.sqrt(variance);
        double p = Math.min(1, 2 * (1 - Distributions.normalCdf(Math.abs(z))));
        return new Result(u, z, p, u / (n1 * (double) n2));
    }
}
