package dev.costagent.perf.result;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * What a load run measured, immutable. Counts are exact; latencies live in HdrHistograms (three significant digits,
 * memory bounded however long the run); the per-second {@link #series()} grows by one small record per second.
 *
 * <p>{@linkplain #responseTime(double) Response time} is measured from the intended start of each operation: in the
 * open model that includes any wait for a free worker, so queueing is never hidden. {@linkplain #serviceTime(double)
 * Service time} is measured from the actual start. In the closed model the two are the same. {@link #count()} counts
 * every completed operation, failed ones included; {@link #errorCount()} counts the failed ones.
 */
public final class LoadResult {

    private final String name;
    private final LoadModel model;
    private final String description;
    private final boolean virtualThreads;
    private final int workers;
    private final Instant startedAt;
    private final Duration elapsed;
    private final Histogram responseTimes;
    private final Histogram serviceTimes;
    private final ErrorStats errors;
    private final long droppedStarts;
    private final List<SecondSample> series;
    private final List<Phase> phases;
    private final Map<String, Object> attachments;
    private final Duration postProcessing;

    public LoadResult(
            String name,
            LoadModel model,
            String description,
            boolean virtualThreads,
            int workers,
            Instant startedAt,
            Duration elapsed,
            Histogram responseTimes,
            Histogram serviceTimes,
            ErrorStats errors,
            long droppedStarts,
            List<SecondSample> series,
            List<Phase> phases,
            Map<String, Object> attachments,
            Duration postProcessing) {
        this.name = name;
        this.model = model;
        this.description = description;
        this.virtualThreads = virtualThreads;
        this.workers = workers;
        this.startedAt = startedAt;
        this.elapsed = elapsed;
        this.responseTimes = responseTimes;
        this.serviceTimes = serviceTimes;
        this.errors = errors;
        this.droppedStarts = droppedStarts;
        this.series = List.copyOf(series);
        this.phases = List.copyOf(phases);
        this.attachments = Collections.unmodifiableMap(new LinkedHashMap<>(attachments));
        this.postProcessing = postProcessing;
    }

    /** The run's name. */
    public String name() {
        return name;
    }

    /** Closed or open. */
    public LoadModel model() {
        return model;
    }

    /** What was run, such as {@code "closed: 20 users x 1000 iterations"}. */
    public String description() {
        return description;
    }

    /** Whether the workers were virtual threads. */
    public boolean virtualThreads() {
        return virtualThreads;
    }

    /** Worker threads used (users in the closed model, the concurrency bound in the open model). */
    public int workers() {
        return workers;
    }

    /** Wall-clock start of the measured phase. */
    public Instant startedAt() {
        return startedAt;
    }

    /** From the start of the measured phase until the last operation ended. */
    public Duration elapsed() {
        return elapsed;
    }

    /** Completed operations, failed ones included; exact. */
    public long count() {
        return responseTimes.getTotalCount();
    }

    /** Failed operations; exact. */
    public long errorCount() {
        return errors.total();
    }

    /** Failed operations as a fraction of completed ones, 0 to 1; 0 when nothing completed. */
    public double errorRate() {
        long count = count();
        return count == 0 ? 0 : (double) errorCount() / count;
    }

    /** Starts the open model dropped because they were too late or the queue was full; always 0 when closed. */
    public long droppedStarts() {
        return droppedStarts;
    }

    /** Completed operations per second of {@link #elapsed()}. */
    public double throughput() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : count() * 1e9 / nanos;
    }

    /**
     * The response time at a percentile, measured from the intended start.
     *
     * @param percentile 0 to 100, such as {@code 99.0}
     */
    public Duration responseTime(double percentile) {
        return Duration.ofNanos(responseTimes.getValueAtPercentile(checkPercentile(percentile)));
    }

    /**
     * The service time at a percentile, measured from the actual start (equal to the response time when closed).
     *
     * @param percentile 0 to 100, such as {@code 99.0}
     */
    public Duration serviceTime(double percentile) {
        return Duration.ofNanos(serviceTimes.getValueAtPercentile(checkPercentile(percentile)));
    }

    /** Mean response time. */
    public Duration meanResponseTime() {
        return Duration.ofNanos(Math.round(responseTimes.getMean()));
    }

    /** Slowest response time. */
    public Duration maxResponseTime() {
        return Duration.ofNanos(responseTimes.getMaxValue());
    }

    /** A copy of the response-time histogram (nanoseconds). */
    public Histogram responseTimeHistogram() {
        return responseTimes.copy();
    }

    /** A copy of the service-time histogram (nanoseconds). */
    public Histogram serviceTimeHistogram() {
        return serviceTimes.copy();
    }

    /** Failures by type and the first stack traces. */
    public ErrorStats errors() {
        return errors;
    }

    /** One sample per second of the measured phase. */
    public List<SecondSample> series() {
        return series;
    }

    /** The phases of the load profile (empty for closed runs and unphased profiles). */
    public List<Phase> phases() {
        return phases;
    }

    /** Values listeners attached during the run, by key. */
    public Map<String, Object> attachments() {
        return attachments;
    }

    /** The attachment under a key, if present and of the given type. */
    public <T> Optional<T> attachment(String key, Class<T> type) {
        Object value = attachments.get(key);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    /** Time from the last operation's end until this result was ready (merging, percentiles, listeners). */
    public Duration postProcessing() {
        return postProcessing;
    }

    /**
     * Spike recovery, when the profile has a {@link Phase.Kind#SPIKE} phase: the time from the spike's end until the
     * per-second p95 is back within {@code withinPercent} of the pre-spike p95.
     */
    public Optional<Recovery> recovery(double withinPercent) {
        return SpikeRecovery.of(this, withinPercent);
    }

    /** A few lines for humans: counts, throughput, percentiles, errors. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(name)
                .append(" — ")
                .append(description)
                .append(", ")
                .append(workers)
                .append(virtualThreads ? " virtual" : " platform")
                .append(" threads\n");
        text.append(String.format(
                "  count %,d  errors %,d  dropped %,d  elapsed %s  throughput %,.1f/s%n",
                count(), errorCount(), droppedStarts, Format.duration(elapsed), throughput()));
        text.append(String.format(
                "  response p50 %s  p95 %s  p99 %s  max %s  mean %s%n",
                Format.duration(responseTime(50)),
                Format.duration(responseTime(95)),
                Format.duration(responseTime(99)),
                Format.duration(maxResponseTime()),
                Format.duration(meanResponseTime())));
        if (model == LoadModel.OPEN) {
            text.append(String.format(
                    "  service  p50 %s  p95 %s  p99 %s%n",
                    Format.duration(serviceTime(50)),
                    Format.duration(serviceTime(95)),
                    Format.duration(serviceTime(99))));
        }
        errors.countsByType().forEach((type, n) -> text.append(String.format("  error %s x %,d%n", type, n)));
        return text.toString();
    }

    @Override
    public String toString() {
        return "LoadResult[" + name + ", count=" + count() + ", errors=" + errorCount() + ", dropped=" + droppedStarts
                + ", p99=" + Format.duration(responseTime(99)) + "]";
    }

    private static double checkPercentile(double percentile) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be between 0 and 100, got " + percentile);
        }
        return percentile;
    }

    /** Per-second p95 values of the seconds that completed something, in a time window [from, to) in nanos. */
    List<Long> p95Between(long fromNanos, long toNanos) {
        List<Long> values = new ArrayList<>();
        for (SecondSample s : series) {
            if (s.startNanos() >= fromNanos && s.startNanos() + s.intervalNanos() <= toNanos && s.completed() > 0) {
                values.add(s.p95Nanos());
            }
        }
        return values;
    }
}
