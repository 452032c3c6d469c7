package dev.costagent.perf.junit;

import dev.costagent.perf.ThreadMode;
import dev.costagent.perf.spi.LoadProfile;
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
 * An open-model load test following a custom {@link LoadProfile}: either a class with a public no-argument
 * constructor ({@code profile}), or a profile registered with {@link java.util.ServiceLoader} selected by its
 * {@link LoadProfile#name() name}.
 *
 * <pre>{@code
 * @CustomLoad(profile = MorningRush.class, maxConcurrency = 32)
 * void browse() { client.browse(); }
 * }</pre>
 *
 * <p>{@code @BeforeEach} runs once per test, not once per call.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@Tag("perf")
@ResourceLock(PerfIsolation.RESOURCE)
@ExtendWith(PerfExtension.class)
public @interface CustomLoad {

    /** The profile class; leave unset to select a discovered profile by {@link #name()}. */
    Class<? extends LoadProfile> profile() default LoadProfile.class;

    /** The name of a {@link java.util.ServiceLoader}-registered profile. */
    String name() default "";

    /** At most this many calls in flight; 0 for the default. */
    int maxConcurrency() default 0;

    /** Load before measuring, excluded from the result; empty for none. */
    String warmup() default "";

    /** Virtual or platform threads. */
    ThreadMode threads() default ThreadMode.AUTO;
}
