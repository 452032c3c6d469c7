package dev.costagent.perf.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Resource limits for a test, sampled while the test method runs (see {@link ResourceSampler}). Combine it with
 * {@code @Test}, {@code @Benchmark}, {@code @Scalability}, {@code @DataVolume} or a harness load test:
 *
 * <pre>{@code
 * @Benchmark
 * @ResourceBudget(maxAllocatedPerOp = "64B", maxCpuPerOp = "20us", maxGcTime = "100ms")
 * void parse(Blackhole bh) { bh.consume(parser.parse(LINE)); }
 * }</pre>
 *
 * <p>Per-operation limits divide by the operations the test executed: those counted by {@code @Benchmark},
 * {@code @Scalability} (calls) and {@code @DataVolume} (records), warm-up included; for a harness load test, its
 * {@code LoadResult.count()}, with the worker threads' own allocation and CPU time (exact, warm-up excluded); a
 * plain test counts as one operation. Sizes are texts such as {@code "512MB"} or {@code "1KB"}, times such as
 * {@code "50us"} or {@code "200ms"}; empty or negative means no limit. An {@code @AfterEach} method
 * may take the {@link ResourceUsage}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ResourceLock(PerfIsolation.RESOURCE)
@ExtendWith(ResourceBudgetExtension.class)
public @interface ResourceBudget {

    /**
     * Retained heap, such as {@code "100MB"}: the live heap after the test method minus the live heap before it,
     * each read by requested GCs confirmed through GC notifications (see {@link LiveHeap}); earlier tests' garbage
     * is collected before the window opens. Fails as unmeasurable when no requested GC is confirmed.
     */
    String maxRetainedHeap() default "";

    /** The same as {@link #maxRetainedHeap()} (the live set the method leaves), kept for existing tests. */
    String maxHeap() default "";

    /** Peak heap used while the method ran (garbage not yet collected included), such as {@code "1GB"}. */
    String maxPeakHeap() default "";

    /** Allocated bytes per operation, such as {@code "1KB"}. */
    String maxAllocatedPerOp() default "";

    /** Process CPU time per operation, such as {@code "50us"}. */
    String maxCpuPerOp() default "";

    /** Mean process CPU over the test, percent of all available processors. */
    double maxCpuPercent() default -1;

    /** Total GC time, such as {@code "200ms"}. */
    String maxGcTime() default "";

    /** Sampling interval, such as {@code "100ms"}. */
    String interval() default "100ms";
}
