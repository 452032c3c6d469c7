package dev.costagent.perf.junit;

import dev.costagent.perf.spi.Requirement;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requirements a load test must meet; a failure lists every violated one, measured against required. Unset
 * attributes are not checked, except {@link #maxErrorRate()}, which defaults to 0: a load test fails on its first
 * failed call unless it allows errors. Without this annotation the same default applies.
 *
 * <pre>{@code
 * @Requirements(p50 = "20ms", p99 = "200ms", maxErrorRate = 0.01, minThroughput = 90)
 * }</pre>
 *
 * <p>The programmatic counterpart is {@link dev.costagent.perf.requirement.Requirements}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requirements {

    /** Bound on the median response time, such as {@code "20ms"}. */
    String p50() default "";

    /** Bound on the 95th percentile response time. */
    String p95() default "";

    /** Bound on the 99th percentile response time. */
    String p99() default "";

    /**
     * Bounds on any response-time percentiles, comma-separated {@code percentile=duration} pairs, such as
     * {@code "90=7ms, 99.9=50ms"}.
     */
    String percentiles() default "";

    /** Bound on the slowest response time. */
    String max() default "";

    /** Bound on the mean response time. */
    String mean() default "";

    /** Highest allowed fraction of failed calls, 0 to 1. */
    double maxErrorRate() default 0;

    /** Lowest allowed throughput, calls per second; 0 for unchecked. */
    double minThroughput() default 0;

    /** Highest allowed number of dropped starts (open model); -1 for unchecked. */
    long maxDroppedStarts() default -1;

    /** Bound on spike recovery time, such as {@code "5s"} (needs {@link SpikeLoad} or a profile with a spike). */
    String maxRecovery() default "";

    /** Recovery tolerance: the per-second p95 is back within this percentage of the pre-spike p95. */
    double recoveryWithin() default 20;

    /** Custom requirements, each with a public no-argument constructor. */
    Class<? extends Requirement>[] custom() default {};
}
