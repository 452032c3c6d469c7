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
 * An open-model load test: the annotated method starts {@code rate} times per second, whether or not earlier calls
 * have returned, on at most {@code maxConcurrency} workers. Response times count from each call's intended start, so
 * a slow system shows its queueing.
 *
 * <pre>{@code
 * @OpenLoad(rate = 100, duration = "30s", maxConcurrency = 64)
 * @Requirements(p99 = "250ms")
 * void search() { client.search("shoes"); }
 * }</pre>
 *
 * <p>As with {@link LoadTest}, {@code @BeforeEach} runs once per test, not once per call.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@Tag("perf")
@ResourceLock(PerfIsolation.RESOURCE)
@ExtendWith(PerfExtension.class)
public @interface OpenLoad {

    /** Arrivals per second. */
    double rate();

    /** How long arrivals continue, such as {@code "30s"}. */
    String duration();

    /** Load at the same rate before measuring, excluded from the result; empty for none. */
    String warmup() default "";

    /** At most this many calls in flight; 0 for the default (64, or 8 per core if more). */
    int maxConcurrency() default 0;

    /** Drop a start that could not begin within this time of its intended start; empty for never. */
    String maxLateness() default "";

    /** Drop a start that falls due while this many are waiting for a worker. */
    int maxQueue() default 100_000;

    /** Virtual or platform threads. */
    ThreadMode threads() default ThreadMode.AUTO;
}
