package dev.costagent.perf.junit;

import dev.costagent.perf.ThreadMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A spike test (open model): {@code baseRate} for {@code before}, {@code spikeRate} for {@code spike}, then
 * {@code baseRate} again for {@code after}. Pair it with {@code @Requirements(maxRecovery = "5s")} to bound the
 * time until the per-second p95 is back within {@link Requirements#recoveryWithin()} percent of the pre-spike p95.
 *
 * <pre>{@code
 * @SpikeLoad(baseRate = 5, spikeRate = 50, spike = "10s")
 * @Requirements(maxRecovery = "5s", maxErrorRate = 0.01)
 * void order() { client.order(item); }
 * }</pre>
 *
 * <p>Under a {@code perf.scale} below 1 the phases shrink but never below 2 s before, 1 s of spike and 3 s after,
 * the least that leaves whole seconds to compare. {@code @BeforeEach} runs once per test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@Tag("perf")
@ResourceLock(PerfIsolation.RESOURCE)
@ExtendWith(PerfExtension.class)
public @interface SpikeLoad {

    /** Arrivals per second outside the spike. */
    double baseRate();

    /** Arrivals per second during the spike. */
    double spikeRate();

    /** How long the spike lasts, such as {@code "10s"}. */
    String spike();

    /** Baseline before the spike; empty for the larger of 5 s and the spike. */
    String before() default "";

    /** Baseline after the spike; empty for the larger of 10 s and twice the spike. */
    String after() default "";

    /** At most this many calls in flight; 0 for the default. */
    int maxConcurrency() default 0;

    /** Virtual or platform threads. */
    ThreadMode threads() default ThreadMode.AUTO;
}
