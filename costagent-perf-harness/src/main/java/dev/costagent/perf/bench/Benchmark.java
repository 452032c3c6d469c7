package dev.costagent.perf.bench;

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
 * A microbenchmark test: the annotated method is the operation, called in tight loops for warm-up and measurement
 * iterations (see {@link BenchmarkRunner}); the result is compared with the saved baseline.
 *
 * <pre>{@code
 * @Benchmark(iterations = 15, iterationTime = "100ms")
 * void parseLine(Blackhole bh) {
 *     bh.consume(parser.parse(LINE));
 * }
 * }</pre>
 *
 * <p>The method is a {@link Test} tagged {@code "perf"}; a {@link Blackhole} parameter receives the runner's
 * blackhole; {@code @BeforeEach}/{@code @AfterEach} run once around the whole benchmark, and an
 * {@code @AfterEach} method may take the {@link BenchmarkResult}. Iteration times scale with {@code perf.scale}.
 *
 * <p>Baselines ({@code perf.baseline}): {@code auto} (default) compares with the baseline file when there is one
 * and records it when there is none; {@code record} always overwrites; {@code compare} only compares;
 * {@code off} ignores baselines. The directory is {@code perf.baselineDir} (default {@code src/test/perf-baselines});
 * the statistics are set by {@code perf.baseline.alpha}, {@code .threshold}, {@code .method} and
 * {@code .crossEnvironment} (see {@link dev.costagent.perf.baseline.ComparisonPolicy}). A significant regression
 * beyond the threshold fails the test; against a baseline from another environment it only warns by default.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@Tag("perf")
@ResourceLock(PerfIsolation.RESOURCE)
@ExtendWith(BenchmarkExtension.class)
public @interface Benchmark {

    /** Benchmark (and baseline file) name; default {@code TestClass.method}. */
    String name() default "";

    /**
     * The least warm-up iterations, discarded; warm-up goes on until the figure is steady (see
     * {@link BenchmarkRunner}: no JIT compilation and medians of two 5-iteration windows within 2 %).
     */
    int warmupIterations() default 5;

    /** Upper bound of the warm-up, such as {@code "5s"}; empty: 40 iterations' time. Scaled by {@code perf.scale}. */
    String maxWarmup() default "";

    /** Measurement iterations, one sample each. */
    int iterations() default 15;

    /** Time per iteration, such as {@code "100ms"}; multiplied by {@code perf.scale}. */
    String iterationTime() default "100ms";

    /** Whether to compare with (and record) a baseline. */
    boolean baseline() default true;

    /**
     * Fresh JVMs to measure in, one after the other, as JMH does: each runs this test (its class, lifecycle methods
     * and arguments) through the JUnit Platform with the benchmark as the first of its JVM, and sends its samples
     * back; the result holds all of them. 0 measures in the test JVM. The default, -1, forks once when the figure is
     * compared with a baseline ({@link #baseline()} and {@code perf.baseline} not {@code off}) and measures in the
     * test JVM otherwise. {@code perf.forks} overrides it for a run.
     */
    int forks() default -1;

    /** Extra JVM options of every fork (after the test JVM's memory and {@code -XX} options). */
    String[] jvmArgs() default {};
}
