package dev.costagent.core.analysis.utilization;

import dev.costagent.core.analysis.utilization.UtilizationVerdict.Verdict;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns a CPU utilization series into a {@link UtilizationVerdict} by the package's rules (see
 * {@link dev.costagent.core.analysis.utilization}): only the last 14 days count, percentiles are by nearest rank.
 * Stateless and safe to share between threads.
 */
public final class UtilizationClassifier {

    /** Only samples this close to the latest one count. */
    public static final Duration WINDOW = Duration.ofDays(14);
    /** Fewer hours of samples than this gives INSUFFICIENT_DATA. */
    public static final Duration MIN_SPAN = Duration.ofHours(30);

    static final double IDLE_P95_MAX = 5;
    static final double UNDER_P95_ABOVE = 80;
    static final double UNDER_P99_ABOVE = 90;
    static final double OVER_P95_BELOW = 40;
    static final double OVER_P99_BELOW = 80;
    static final double BURSTY_P50_BELOW = 10;
    static final double BURSTY_P95_ABOVE = 50;

    /** A classifier with the documented rules. */
    public UtilizationClassifier() {}

    /** The verdict for a CPU % series. */
    public UtilizationVerdict classify(UtilizationSeries cpu) {
        if (cpu.size() == 0) {
            return new UtilizationVerdict(cpu.resourceId(), Verdict.INSUFFICIENT_DATA, 0, 0, 0, 0, 0, Duration.ZERO,
                    false, "no CPU samples");
        }
        MetricSummary summary = MetricSummary.of(cpu);
        Duration span = summary.span();
        double p50 = summary.p50();
        double p95 = summary.p95();
        double p99 = summary.p99();
        double max = summary.max();
        int samples = summary.samples();
        boolean bursty = p50 < BURSTY_P50_BELOW && p95 > BURSTY_P95_ABOVE;

        Verdict verdict;
        String reason;
        String over = String.format(Locale.ROOT, " over %.1f days (%d samples)", span.toSeconds() / 86400.0, samples);
        if (span.compareTo(MIN_SPAN) < 0) {
            verdict = Verdict.INSUFFICIENT_DATA;
            reason = String.format(Locale.ROOT, "samples span %.1f h, less than the 30 h needed (%d samples)",
                    span.toSeconds() / 3600.0, samples);
        } else if (p95 <= IDLE_P95_MAX) {
            verdict = Verdict.IDLE;
            reason = String.format(Locale.ROOT, "CPU p95 %s%% ≤ 5%%", pct(p95)) + over;
        } else if (p95 > UNDER_P95_ABOVE || p99 > UNDER_P99_ABOVE) {
            verdict = Verdict.UNDER_PROVISIONED;
            String why = p95 > UNDER_P95_ABOVE
                    ? String.format(Locale.ROOT, "CPU p95 %s%% > 80%%", pct(p95))
                    : String.format(Locale.ROOT, "CPU p99 %s%% > 90%%", pct(p99));
            reason = why + over;
        } else if (p95 < OVER_P95_BELOW && p99 < OVER_P99_BELOW) {
            verdict = Verdict.OVER_PROVISIONED;
            reason = String.format(Locale.ROOT, "CPU p95 %s%% < 40%% and p99 %s%% < 80%%", pct(p95), pct(p99)) + over;
        } else {
            verdict = Verdict.OPTIMIZED;
            reason = String.format(Locale.ROOT,
                    "CPU p95 %s%% and p99 %s%%: not idle, not under- and not over-provisioned", pct(p95), pct(p99))
                    + over;
        }
        if (bursty) {
            reason += String.format(Locale.ROOT, "; bursty (p50 %s%% < 10%%, p95 %s%% > 50%%): a scheduling candidate",
                    pct(p50), pct(p95));
        }
        return new UtilizationVerdict(cpu.resourceId(), verdict, p50, p95, p99, max, samples, span, bursty, reason);
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }
}
