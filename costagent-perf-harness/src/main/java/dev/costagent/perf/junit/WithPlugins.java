package dev.costagent.perf.junit;

import dev.costagent.perf.spi.PerfListener;
import dev.costagent.perf.spi.PerfReporter;
import dev.costagent.perf.spi.Probe;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Plugins for the load tests of a class or method, each class with a public no-argument constructor. (Plugins that
 * need state from the test, such as a probe reading the service's queue, are registered with
 * {@code @RegisterExtension static PerfExtension perf = new PerfExtension().withProbe(...)}; plugins for every test
 * are registered with {@link java.util.ServiceLoader}.)
 *
 * <pre>{@code
 * @WithPlugins(probes = HeapProbe.class, reporters = CsvReporter.class)
 * class CheckoutLoadTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface WithPlugins {

    /** Gauges sampled every second into the series. */
    Class<? extends Probe>[] probes() default {};

    /** Live listeners. */
    Class<? extends PerfListener>[] listeners() default {};

    /** Reporters. */
    Class<? extends PerfReporter>[] reporters() default {};

    /** Meters measuring around every perf test of the class or method (any kind, not only load tests). */
    Class<? extends dev.costagent.perf.spi.Meter>[] meters() default {};
}
