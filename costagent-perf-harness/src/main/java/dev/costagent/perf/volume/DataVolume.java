package dev.costagent.perf.volume;

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
 * A data-volume test: for each size, the {@link #setup()} method builds the input outside the timing, then the
 * annotated method is timed processing it (see {@link DataVolumeRunner}); the report gives time per record, the
 * complexity exponent and the degradation, checked against {@link #maxExponent()} and {@link #maxDegradation()}.
 *
 * <pre>{@code
 * List<Row> rows(int size) { return generator.rows(size); }
 *
 * @DataVolume(sizes = {1_000, 10_000, 100_000}, setup = "rows", maxExponent = 1.2, maxDegradation = 2)
 * void totals(List<Row> rows, Blackhole bh) {
 *     bh.consume(Aggregations.totals(rows));
 * }
 * }</pre>
 *
 * <p>The setup method is found by name in the test class (instance or static, one {@code int} parameter); the
 * test method takes one parameter its result can be assigned to, plus an optional
 * {@link dev.costagent.perf.Blackhole}. An {@code @AfterEach} method may take the {@link VolumeResult}.
 * Times scale with {@code perf.scale}; sizes do not, since they define what is measured.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@Tag("perf")
@ResourceLock(PerfIsolation.RESOURCE)
@ExtendWith(DataVolumeExtension.class)
public @interface DataVolume {

    /** Data sizes in records, at least two. */
    int[] sizes() default {100, 1_000, 10_000};

    /** Name of the method that builds an input of a given size. */
    String setup();

    /** Minimum warm-up per size, such as {@code "100ms"}. */
    String warmup() default "100ms";

    /** Minimum measured time per size, such as {@code "200ms"}. */
    String minTime() default "200ms";

    /** Largest allowed per-record time ratio, largest size to smallest; negative for none. */
    double maxDegradation() default -1;

    /** Largest allowed complexity exponent (log-log slope); negative for none. */
    double maxExponent() default -1;

    /** Wall time (default) or the measuring thread's CPU time. */
    DataVolumeRunner.Clock clock() default DataVolumeRunner.Clock.WALL;
}
