package dev.costagent.perf.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bound on any metric of a perf test, by its key (name and unit, see {@link dev.costagent.perf.spi.Metric#key()}):
 * the harness's own figures ({@code "p99_ns"}, {@code "median_ns"}, {@code "retained_heap_bytes"}) and the figures
 * of a user's {@link dev.costagent.perf.spi.Meter} alike.
 *
 * <pre>{@code
 * @Benchmark
 * @WithPlugins(meters = CacheMissMeter.class)
 * @MetricLimit(metric = "cache.misses_count", max = 100)
 * void lookup(Blackhole bh) { bh.consume(cache.get(KEY)); }
 * }</pre>
 *
 * <p>A limit on a metric the test did not produce fails, naming the metrics it did produce.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(MetricLimit.List.class)
public @interface MetricLimit {

    /** The metric key, such as {@code "cache.misses_count"}. */
    String metric();

    /** Largest allowed value (inclusive); unset by default. */
    double max() default Double.NaN;

    /** Smallest allowed value (inclusive); unset by default. */
    double min() default Double.NaN;

    /** Several limits. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface List {
        /** The limits. */
        MetricLimit[] value();
    }
}
