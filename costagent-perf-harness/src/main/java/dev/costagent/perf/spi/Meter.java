package dev.costagent.perf.spi;

import java.util.List;

/**
 * A user's own measurement around every perf test: cache misses, rows written, connections opened, a native
 * allocator's bytes. The harness calls {@link #start()} right before the measured code (after {@code @BeforeEach})
 * and {@link #stop()} right after it, on the test's thread, for every kind of perf test (load, benchmark, data
 * volume, scalability, resource budget). The figures it returns become {@link Metric}s of the test: they are shown in
 * the console and HTML report, written to JSON and CSV, passed to every {@link PerfReporter}, and can be bounded with
 * {@code @MetricLimit(metric = "cache.misses_count", max = 100)}.
 *
 * <p>Register a meter for every perf test through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.costagent.perf.spi.Meter}) or for a class or method with
 * {@code @WithPlugins(meters = MyMeter.class)}; either way it needs a public no-argument constructor. One instance
 * may measure several tests one after the other, never two at once (perf tests do not overlap).
 */
public interface Meter {

    /** Starts measuring. */
    void start();

    /** Stops and returns the figures, each with its unit (NaN for a figure it could not take). */
    List<Metric> stop();
}
