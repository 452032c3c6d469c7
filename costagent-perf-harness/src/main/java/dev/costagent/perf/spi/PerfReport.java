package dev.costagent.perf.spi;

import dev.costagent.perf.result.LoadResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link PerfReporter} receives after each perf test of any kind: the test's identity, what kind of
 * measurement it was, the typed result, every figure as a {@link Metric}, the verdict of each requirement and the
 * notes a reader needs (such as an overlap with another measurement).
 *
 * <table>
 * <caption>Kinds and their results</caption>
 * <tr><th>kind</th><th>{@link #outcome()}</th></tr>
 * <tr><td>{@link Kind#LOAD}</td><td>{@code dev.costagent.perf.result.LoadResult} (also {@link #result()})</td></tr>
 * <tr><td>{@link Kind#BENCHMARK}</td><td>{@code dev.costagent.perf.bench.BenchmarkResult}</td></tr>
 * <tr><td>{@link Kind#DATA_VOLUME}</td><td>{@code dev.costagent.perf.volume.VolumeResult}</td></tr>
 * <tr><td>{@link Kind#SCALABILITY}</td><td>{@code dev.costagent.perf.scaling.ScalingResult}</td></tr>
 * <tr><td>{@link Kind#RESOURCES}</td><td>{@code dev.costagent.perf.resource.ResourceUsage}</td></tr>
 * </table>
 *
 * <p>A user's {@link Meter} figures are among the {@link #metrics()} of whichever kind of test they measured.
 *
 * @param testId      a stable id (the JUnit unique id, or the run name for programmatic use)
 * @param displayName the human name of the test
 * @param kind        what was measured
 * @param outcome     the typed result (see the table)
 * @param metrics     every figure as a number with its unit, meters' figures included
 * @param verdicts    every requirement checked, met or not, in evaluation order
 * @param notes       context for the reader (may be empty)
 */
public record PerfReport(
        String testId,
        String displayName,
        Kind kind,
        Object outcome,
        List<Metric> metrics,
        List<Verdict> verdicts,
        List<String> notes) {

    /** What kind of perf test a report is about. */
    public enum Kind {
        /** A load test ({@code @LoadTest}, {@code @OpenLoad}, {@code @SpikeLoad}, {@code @CustomLoad}, {@code Load}). */
        LOAD,
        /** A {@code @Benchmark}. */
        BENCHMARK,
        /** A {@code @DataVolume} test. */
        DATA_VOLUME,
        /** A {@code @Scalability} test. */
        SCALABILITY,
        /** A {@code @ResourceBudget} on any test. */
        RESOURCES
    }

    /** Validates and copies. */
    public PerfReport {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        metrics = List.copyOf(metrics);
        verdicts = List.copyOf(verdicts);
        notes = List.copyOf(notes);
    }

    /** The report of a load test, its metrics taken from the result. */
    public PerfReport(String testId, String displayName, LoadResult result, List<Verdict> verdicts) {
        this(testId, displayName, Kind.LOAD, result, LoadMetrics.of(result), verdicts, List.of());
    }

    /** The load result of a {@link Kind#LOAD} report; null for every other kind (use {@link #outcome(Class)}). */
    public LoadResult result() {
        return outcome instanceof LoadResult load ? load : null;
    }

    /** The outcome as {@code type}, if it is one. */
    public <T> Optional<T> outcome(Class<T> type) {
        return type.isInstance(outcome) ? Optional.of(type.cast(outcome)) : Optional.empty();
    }

    /** The metric with this {@link Metric#key() key}, such as {@code "p99_ns"}. */
    public Optional<Metric> metric(String key) {
        return metrics.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    /** True when every requirement is met. */
    public boolean passed() {
        return verdicts.stream().allMatch(Verdict::met);
    }

    /** The requirements that are not met. */
    public List<Verdict> violations() {
        return verdicts.stream().filter(v -> !v.met()).toList();
    }
}
