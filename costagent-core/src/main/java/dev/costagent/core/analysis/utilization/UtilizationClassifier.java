package dev.costagent.core.analysis.utilization;

import dev.costagent.core.analysis.utilization.UtilizationVerdict.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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
    /**
     * Network in + out per day at or under which a host is network-idle: 5 MB, AWS Trusted Advisor's "Low
     * Utilization Amazon EC2 Instances" check (CPU ≤ 10% and network I/O ≤ 5 MB a day). Checked on every whole day
     * of the window (the nearest-rank p95 of 14 daily totals is their maximum).
     */
    public static final double IDLE_NETWORK_BYTES_PER_DAY = 5_000_000;
    /**
     * Memory moving by at least this many points between its median and p95 means the host does work. No provider
     * publishes a memory threshold for idleness (Compute Optimizer lists Memory among its idle metrics without one);
     * a static level is not used because idle processes keep their heap.
     */
    public static final double IDLE_MEMORY_SPREAD = 10;

    /** A classifier with the documented rules. */
    public UtilizationClassifier() {}

    /** The verdict for a CPU % series. */
    public UtilizationVerdict classify(UtilizationSeries cpu) {
        return classify(cpu, null, null, null);
    }

    /**
     * Verdicts for every resource with a {@code cpu} series, each with its {@code memory}, {@code network_in} and
     * {@code network_out} series when given; in resource id order.
     */
    public List<UtilizationVerdict> classifyAll(List<UtilizationSeries> series) {
        Map<String, Map<String, UtilizationSeries>> byResource = new TreeMap<>();
        for (UtilizationSeries s : series) {
            byResource.computeIfAbsent(s.resourceId(), k -> new HashMap<>()).put(s.metric(), s);
        }
        List<UtilizationVerdict> out = new ArrayList<>();
        byResource.forEach((id, metrics) -> {
            UtilizationSeries cpu = metrics.get("cpu");
            if (cpu != null) {
                out.add(classify(cpu, metrics.get("memory"), metrics.get("network_in"), metrics.get("network_out")));
            }
        });
        return out;
    }

    /**
     * The verdict for a CPU % series with the resource's memory % and network byte series, each null when not
     * measured. Memory and network only ever keep a host out of IDLE (it is then judged on CPU as not idle); they are
     * summarized in the verdict for the rightsizing rule.
     */
    public UtilizationVerdict classify(
            UtilizationSeries cpu,
            UtilizationSeries memorySeries,
            UtilizationSeries networkIn,
            UtilizationSeries networkOut) {
        MetricSummary memory = memorySeries == null || memorySeries.size() == 0 ? null : MetricSummary.of(memorySeries);
        MetricSummary network = MetricSummary.dailyNetwork(cpu.resourceId(), networkIn, networkOut);
        if (cpu.size() == 0) {
            return new UtilizationVerdict(
                    cpu.resourceId(),
                    Verdict.INSUFFICIENT_DATA,
                    0,
                    0,
                    0,
                    0,
                    0,
                    Duration.ZERO,
                    false,
                    "no CPU samples",
                    0,
                    memory,
                    network);
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
            reason = String.format(
                    Locale.ROOT,
                    "samples span %.1f h, less than the 30 h needed (%d samples)",
                    span.toSeconds() / 3600.0,
                    samples);
        } else if (p95 <= IDLE_P95_MAX && busyBy(network, memory) == null) {
            verdict = Verdict.IDLE;
            reason = String.format(Locale.ROOT, "CPU p95 %s%% ≤ 5%%", pct(p95))
                    + (network != null
                            ? String.format(Locale.ROOT, ", network ≤ %.1f MB/day", network.max() / 1e6)
                            : "")
                    + (memory != null
                            ? String.format(
                                    Locale.ROOT,
                                    ", memory steady (p50 %s%%, p95 %s%%)",
                                    pct(memory.p50()),
                                    pct(memory.p95()))
                            : "")
                    + over;
        } else if (p95 <= IDLE_P95_MAX) {
            verdict = Verdict.OVER_PROVISIONED;
            reason =
                    String.format(Locale.ROOT, "CPU p95 %s%% ≤ 5%% but not idle: %s", pct(p95), busyBy(network, memory))
                            + over;
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
            reason = String.format(
                            Locale.ROOT,
                            "CPU p95 %s%% and p99 %s%%: not idle, not under- and not over-provisioned",
                            pct(p95),
                            pct(p99))
                    + over;
        }
        if (bursty) {
            reason += String.format(
                    Locale.ROOT,
                    "; bursty (p50 %s%% < 10%%, p95 %s%% > 50%%): a scheduling candidate",
                    pct(p50),
                    pct(p95));
        }
        return new UtilizationVerdict(
                cpu.resourceId(),
                verdict,
                p50,
                p95,
                p99,
                max,
                samples,
                span,
                bursty,
                reason,
                summary.mean(),
                memory,
                network);
    }

    /** Why network or memory say the host is busy, or null when they do not (or were not measured). */
    private static String busyBy(MetricSummary network, MetricSummary memory) {
        if (network != null && network.max() > IDLE_NETWORK_BYTES_PER_DAY) {
            return String.format(Locale.ROOT, "network up to %.1f MB/day > 5 MB", network.max() / 1e6);
        }
        if (memory != null && memory.p95() - memory.p50() >= IDLE_MEMORY_SPREAD) {
            return String.format(
                    Locale.ROOT, "memory moves (p50 %s%%, p95 %s%%)", pct(memory.p50()), pct(memory.p95()));
        }
        return null;
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }
}
