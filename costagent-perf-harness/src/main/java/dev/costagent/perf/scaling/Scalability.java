package dev.costagent.perf.scaling;

import dev.costagent.perf.junit.PerfIsolation;
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
 * A scalability test: the annotated method is the operation, called in loops by 1, 2, ... workers in turn (see
 * {@link ScalabilityRunner}); the report gives throughput, speedup and efficiency per worker count, the Amdahl
 * and USL fits with the predicted peak, and {@code availableProcessors()}.
 *
 * <pre>{@code
 * @Scalability(workers = {1, 2, 4, 8}, window = "1s", minEfficiency = 0.85)
 * void lookup(Blackhole bh) {
 *     bh.consume(cache.get(randomKey()));
 * }
 * }</pre>
 *
 * <p>{@code minEfficiency} is checked at every measured worker count above one, as measured: counts beyond the
 * available processors are not excused (the report notes them), so choose the counts you mean to require. The
 * method is a {@link Test} tagged {@code "perf"}; it may take a {@link dev.costagent.perf.Blackhole}, must be
 * thread-safe, and an {@code @AfterEach} method may take the {@link ScalingResult}. Times scale with
 * {@code perf.scale}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@Tag("perf")
@ResourceLock(PerfIsolation.RESOURCE)
@ExtendWith(ScalabilityExtension.class)
public @interface Scalability {

    /** Worker counts, including 1. */
    int[] workers() default {1, 2, 3, 4, 5, 6, 7, 8};

    /** Warm-up per worker count, such as {@code "200ms"}. */
    String warmup() default "200ms";

    /** Measured window per worker count, such as {@code "1s"}. */
    String window() default "1s";

    /** Minimum efficiency (speedup / workers) required at every count above 1; negative for none. */
    double minEfficiency() default -1;
}
