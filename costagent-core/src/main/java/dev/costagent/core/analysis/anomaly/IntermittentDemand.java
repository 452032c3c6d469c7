package dev.costagent.core.analysis.anomaly;

/**
 * Intermittent demand (Croston's view): a series that is idle on many days — a weekly batch job, a resource billed on
 * some days only — is judged by the size of its runs, not by a daily level that averages runs with idle days.
 *
 * <p>For day t, over the history window (up to the lookback, days before t only):
 * <ul>
 *   <li>idle level L = the larger of 5% of the window's largest |x| and a tenth of the materiality floor (the
 *       detector's cold-start level): days below it are idle, cents that no one acts on;</li>
 *   <li>intermittent when at least a third of the window's days are idle;</li>
 *   <li>judgeable with at least {@value #MIN_RUNS} active days (fewer: its size is unknown and the day is not
 *       judged, a cold start of its own);</li>
 *   <li>typical size = median of the active days; scale = max(1.4826 × MAD of the active days, 25% of the typical
 *       size), so runs of equal size do not make a zero scale. Only active days that rise above the typical size
 *       are judged: an idle day is the series' normal, never a drop.</li>
 * </ul>
 * Reuses scratch arrays: one instance per thread.
 */
final class IntermittentDemand {
    /** Active days needed before the size of a run is known. */
    static final int MIN_RUNS = 3;
    /** The idle level as a share of the window's largest |x|. */
    static final double IDLE_SHARE_OF_MAX = 0.05;
    /** The scale never falls below this share of the typical size. */
    static final double MIN_RELATIVE_SCALE = 0.25;

    private final int lookbackDays;
    private final double[] sizes;
    private double idleLevel;
    private int runs;
    private double typical;
    private double scale;

    IntermittentDemand(int lookbackDays) {
        this.lookbackDays = lookbackDays;
        this.sizes = new double[lookbackDays];
    }

    /**
     * Whether the window before t is intermittent; prepares {@link #typicalSize()} and {@link #scale()}.
     *
     * @param minimumLevel the smallest idle level (a tenth of the materiality floor)
     */
    boolean classify(double[] x, int t, double minimumLevel) {
        int from = Math.max(0, t - lookbackDays);
        int n = t - from;
        double max = 0;
        for (int d = from; d < t; d++) {
            max = Math.max(max, Math.abs(x[d]));
        }
        idleLevel = Math.max(minimumLevel, IDLE_SHARE_OF_MAX * max);
        int idle = 0;
        runs = 0;
        for (int d = from; d < t; d++) {
            if (Math.abs(x[d]) < idleLevel) {
                idle++;
            } else {
                sizes[runs++] = x[d];
            }
        }
        if (3 * idle < n) {
            return false;
        }
        if (runs >= MIN_RUNS) {
            typical = SeasonalBaseline.median(sizes, runs);
            for (int i = 0; i < runs; i++) {
                sizes[i] = Math.abs(sizes[i] - typical);
            }
            double mad = SeasonalBaseline.median(sizes, runs);
            scale = Math.max(SeasonalBaseline.MAD_TO_SIGMA * mad, MIN_RELATIVE_SCALE * Math.abs(typical));
        }
        return true;
    }

    /** Whether enough runs were seen to know their size. */
    boolean judgeable() {
        return runs >= MIN_RUNS && scale > 0;
    }

    /** Whether a value is a run (not idle). */
    boolean active(double value) {
        return Math.abs(value) >= idleLevel;
    }

    /** The median size of a run. */
    double typicalSize() {
        return typical;
    }

    /** The robust scale of the runs' sizes. */
    double scale() {
        return scale;
    }
}
