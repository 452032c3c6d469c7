package dev.costagent.perf.result;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Computes {@link Recovery} from a result's series.
 *
 * <p>With the per-second histograms the engine keeps for spike runs: the baseline is the p95 of every call
 * completed in whole seconds before the spike, pooled (the first second, the start-up transient, left out when
 * there are more); after the spike, windows of consecutive whole seconds are
 * formed, each grown until it holds at least {@value #MIN_WINDOW_CALLS} calls (so at least
 * {@value #TAIL_CALLS} calls lie beyond its p95: a p95 of 20 calls rests on a single call); recovery is the start of
 * the first window whose p95 is within the tolerance, provided the next window (when the run has one) is too. A
 * window's p95 is within the bound unless more of its calls lie beyond the bound than a 5 % share would put there
 * with 99 % probability (binomial; 18 of 200 calls, 43 of 600): the p95 of a window is judged with its
 * sampling error, not as a point estimate. When fewer than twice {@value #MIN_WINDOW_CALLS} calls complete after the spike, windows need half of those
 * calls each. Without histograms (a result built elsewhere) it falls back to single seconds: the median per-second p95
 * before the spike, and the first second after it whose p95 (and the next second's) is within the tolerance. A
 * second in which nothing completed never counts as recovered.
 */
public final class SpikeRecovery {

    /** Attachment key of the per-second response-time histograms (spike runs only). */
    public static final String SECOND_HISTOGRAMS = "perf.spike.secondHistograms";
    /** Calls a window needs beyond its 95th percentile. */
    static final int TAIL_CALLS = 10;
    /** Calls a window needs: {@link #TAIL_CALLS} / (1 - 0.95). */
    static final int MIN_WINDOW_CALLS = TAIL_CALLS * 20;
    /** The one-sided confidence of a window's "not recovered" verdict (see {@link #allowedAbove(long)}). */
    static final double RECOVERY_CONFIDENCE = 0.99;

    private SpikeRecovery() {}

    static Optional<Recovery> of(LoadResult result, double withinPercent) {
        if (!(withinPercent >= 0)) {
            throw new IllegalArgumentException(
                    "recovery tolerance must be a non-negative percentage, got " + withinPercent);
        }
        Optional<Phase> spike = result.phases().stream()
                .filter(p -> p.kind() == Phase.Kind.SPIKE)
                .findFirst();
        if (spike.isEmpty()) {
            return Optional.empty();
        }
        long spikeStart = spike.get().start().toNanos();
        long spikeEnd = spike.get().end().toNanos();
        Object kept = result.attachments().get(SECOND_HISTOGRAMS);
        if (kept instanceof List<?> histograms
                && histograms.size() == result.series().size()) {
            @SuppressWarnings("unchecked")
            List<Histogram> seconds = (List<Histogram>) histograms;
            return Optional.of(pooled(result.series(), seconds, spikeStart, spikeEnd, withinPercent));
        }
        List<Long> before = result.p95Between(0, spikeStart);
        long baseline = before.isEmpty() ? 0 : before.stream().sorted().toList().get(before.size() / 2);
        double bound = baseline * (1 + withinPercent / 100.0);
        List<SecondSample> series = result.series();
        for (int i = 0; i < series.size(); i++) {
            SecondSample s = series.get(i);
            if (s.startNanos() < spikeEnd || !within(s, bound)) {
                continue;
            }
            if (i + 1 < series.size() && !within(series.get(i + 1), bound)) {
                continue;
            }
            return Optional.of(new Recovery(
                    true, Duration.ofNanos(s.startNanos() - spikeEnd), Duration.ofNanos(baseline), withinPercent));
        }
        long end = series.isEmpty()
                ? spikeEnd
                : series.get(series.size() - 1).startNanos()
                        + series.get(series.size() - 1).intervalNanos();
        return Optional.of(new Recovery(
                false, Duration.ofNanos(Math.max(0, end - spikeEnd)), Duration.ofNanos(baseline), withinPercent));
    }

    private static Recovery pooled(
            List<SecondSample> series, List<Histogram> seconds, long spikeStart, long spikeEnd, double withinPercent) {
        Histogram before = new Histogram(2);
        int wholeBefore = 0;
        for (SecondSample s : series) {
            if (s.startNanos() + s.intervalNanos() <= spikeStart) {
                wholeBefore++;
            }
        }
        // The first second carries the start-up transient (threads starting, code not yet compiled): with more
        // whole seconds before the spike it is left out of the baseline.
        for (int i = wholeBefore > 1 ? 1 : 0; i < wholeBefore; i++) {
            before.add(seconds.get(i));
        }
        long baseline = before.getTotalCount() == 0 ? 0 : before.getValueAtPercentile(95);
        double bound = baseline * (1 + withinPercent / 100.0);
        int first = 0;
        while (first < series.size() && series.get(first).startNanos() < spikeEnd) {
            first++;
        }
        long callsAfter = 0;
        for (int i = first; i < seconds.size(); i++) {
            callsAfter += seconds.get(i).getTotalCount();
        }
        // A slow run may not complete 200 calls after the spike: then two windows share what there is, so the
        // verdict still rests on as many calls as the run has rather than on single seconds.
        long minCalls = Math.max(1, Math.min(MIN_WINDOW_CALLS, callsAfter / 2));
        for (int i = first; i < series.size(); i++) {
            int afterWindow = windowEnd(seconds, i, minCalls);
            if (afterWindow < 0) {
                break; // too few calls left for any window
            }
            if (!within(seconds, i, afterWindow, bound)) {
                continue;
            }
            int next = windowEnd(seconds, afterWindow, minCalls);
            if (next >= 0 && !within(seconds, afterWindow, next, bound)) {
                continue;
            }
            return new Recovery(
                    true,
                    Duration.ofNanos(series.get(i).startNanos() - spikeEnd),
                    Duration.ofNanos(baseline),
                    withinPercent);
        }
        SecondSample last = series.isEmpty() ? null : series.get(series.size() - 1);
        long end = last == null ? spikeEnd : last.startNanos() + last.intervalNanos();
        return new Recovery(
                false, Duration.ofNanos(Math.max(0, end - spikeEnd)), Duration.ofNanos(baseline), withinPercent);
    }

    /** The exclusive end index of the window starting at {@code from}, or -1 when the rest holds too few calls. */
    private static int windowEnd(List<Histogram> seconds, int from, long minCalls) {
        long calls = 0;
        for (int i = from; i < seconds.size(); i++) {
            calls += seconds.get(i).getTotalCount();
            if (calls >= minCalls) {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean within(List<Histogram> seconds, int from, int to, double bound) {
        if (seconds.get(from).getTotalCount() == 0) {
            return false; // a window never starts with a second in which nothing completed
        }
        Histogram window = new Histogram(2);
        for (int i = from; i < to; i++) {
            window.add(seconds.get(i));
        }
        long calls = window.getTotalCount();
        long above = calls - window.getCountBetweenValues(0, (long) Math.floor(bound));
        return above <= allowedAbove(calls);
    }

    /**
     * The most calls of a window of {@code calls} that may lie beyond the bound with the window still recovered: a
     * recovered service puts at most 5 % of its calls beyond the pre-spike p95 (with the tolerance on top, fewer);
     * a window of n calls shows that 5 % with binomial sampling error, so the window counts as recovered unless
     * more calls lie beyond than a 5 % share would give with probability {@value #RECOVERY_CONFIDENCE}. This judges
     * the window's p95 against the bound with the error a p95 of n calls has, instead of its point estimate; a
     * service that stays slow puts nearly all its calls beyond and fails.
     */
    static long allowedAbove(long calls) {
        double p = 0.05;
        double cumulative = 0;
        double term = Math.pow(1 - p, calls); // P(X = 0)
        for (long k = 0; k <= calls; k++) {
            cumulative += term;
            if (cumulative >= RECOVERY_CONFIDENCE) {
                return k;
            }
            term = term * (calls - k) / (k + 1) * p / (1 - p);
        }
        return calls;
    }

    private static boolean within(SecondSample s, double bound) {
        return s.completed() > 0 && s.p95Nanos() <= bound;
    }
}
