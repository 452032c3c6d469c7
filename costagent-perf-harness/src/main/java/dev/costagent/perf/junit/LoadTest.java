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
 * A closed-model load test: the annotated method is the operation, called by {@code users} concurrent users, each in
 * a loop, for {@code iterations} calls each, {@code totalIterations} calls in all, or a {@code duration} (each user
 * calls once when none is set).
 *
 * <pre>{@code
 * @LoadTest(users = 20, duration = "30s", warmup = "2s", rampUp = "5s")
 * @Requirements(p99 = "200ms", maxErrorRate = 0.01)
 * void checkout() throws Exception {
 *     client.checkout(cart);
 * }
 * }</pre>
 *
 * <p>The method is a {@link Test} tagged {@code "perf"}. {@code @BeforeEach} and {@code @AfterEach} run once per
 * test, around the whole load, not once per call; an {@code @AfterEach} method may take the
 * {@link dev.costagent.perf.result.LoadResult} as a parameter. Any exception or error thrown by the method is counted as a
 * failed call (by type), never lost; by default a single failure fails the test (see {@link Requirements}).
 * Durations are texts such as {@code "250ms"}, {@code "30s"} or {@code "2m"}; {@link Overrides} can scale them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@Tag("perf")
@ResourceLock(PerfIsolation.RESOURCE)
@ExtendWith(PerfExtension.class)
public @interface LoadTest {

    /** Concurrent users. */
    int users() default 1;

    /** Measured calls per user; 0 to use {@link #duration()} instead. */
    long iterations() default 0;

    /** Measured calls of all users together, shared out evenly; 0 to use {@link #iterations()} or the duration. */
    long totalIterations() default 0;

    /** How long users keep calling, such as {@code "30s"}; empty to use {@link #iterations()}. */
    String duration() default "";

    /** Calls before measuring, excluded from the result, such as {@code "2s"}; empty for none. */
    String warmup() default "";

    /** Users start spread over this time; empty for all at once. */
    String rampUp() default "";

    /** Virtual or platform threads. */
    ThreadMode threads() default ThreadMode.AUTO;
}
