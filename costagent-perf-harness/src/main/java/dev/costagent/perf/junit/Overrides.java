package dev.costagent.perf.junit;

import dev.costagent.perf.ThreadMode;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Settings that change load tests without recompiling, read from JUnit configuration parameters (which include
 * system properties and {@code junit-platform.properties}):
 *
 * <table>
 * <caption>Override keys</caption>
 * <tr><th>key</th><th>default</th><th>effect</th></tr>
 * <tr><td>{@code perf.scale}</td><td>1.0</td><td>multiplies durations, warm-ups, ramp-ups and iteration counts</td></tr>
 * <tr><td>{@code perf.scale.rate}</td><td>1.0</td><td>multiplies open-model arrival rates</td></tr>
 * <tr><td>{@code perf.scale.users}</td><td>1.0</td><td>multiplies closed-model users (at least 1)</td></tr>
 * <tr><td>{@code perf.skip}</td><td>false</td><td>{@code true} disables every load test</td></tr>
 * <tr><td>{@code perf.threads}</td><td>(annotation)</td><td>{@code auto}, {@code virtual} or {@code platform}</td></tr>
 * <tr><td>{@code perf.console}</td><td>true</td><td>{@code false} silences the console reporter</td></tr>
 * </table>
 *
 * @param timeScale  factor on durations and iterations
 * @param rateScale  factor on arrival rates
 * @param userScale  factor on users
 * @param skip       whether load tests are skipped
 * @param threads    a thread mode replacing the annotations' one, if set
 * @param console    whether results are printed to the console
 */
public record Overrides(
        double timeScale,
        double rateScale,
        double userScale,
        boolean skip,
        Optional<ThreadMode> threads,
        boolean console) {

    /** Key of {@link #timeScale()}. */
    public static final String SCALE = "perf.scale";
    /** Key of {@link #rateScale()}. */
    public static final String RATE_SCALE = "perf.scale.rate";
    /** Key of {@link #userScale()}. */
    public static final String USER_SCALE = "perf.scale.users";
    /** Key of {@link #skip()}. */
    public static final String SKIP = "perf.skip";
    /** Key of {@link #threads()}. */
    public static final String THREADS = "perf.threads";
    /** Key of {@link #console()}. */
    public static final String CONSOLE = "perf.console";

    /** No overrides. */
    public static Overrides none() {
        return new Overrides(1, 1, 1, false, Optional.empty(), true);
    }

    /** The overrides in a JUnit context's configuration parameters (system properties included). */
    public static Overrides from(ExtensionContext context) {
        return from(context::getConfigurationParameter);
    }

    /** The overrides in the system properties, for programmatic runs. */
    public static Overrides fromSystemProperties() {
        return from(key -> Optional.ofNullable(System.getProperty(key)));
    }

    /**
     * The overrides a lookup yields.
     *
     * @throws IllegalArgumentException naming the key when a value is malformed
     */
    public static Overrides from(Function<String, Optional<String>> lookup) {
        return new Overrides(
                factor(lookup, SCALE),
                factor(lookup, RATE_SCALE),
                factor(lookup, USER_SCALE),
                flag(lookup, SKIP, false),
                lookup.apply(THREADS)
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .map(text -> parseThreads(text)),
                flag(lookup, CONSOLE, true));
    }

    /** Whether {@code perf.skip} is set, reading only that key (so a bad scale is reported by the test, not here). */
    public static boolean skipRequested(ExtensionContext context) {
        return flag(context::getConfigurationParameter, SKIP, false);
    }

    /** A duration times {@link #timeScale()}, at least a millisecond; null stays null. */
    public java.time.Duration scaleTime(java.time.Duration d) {
        return d == null ? null : java.time.Duration.ofNanos(Math.max(1_000_000, Math.round(d.toNanos() * timeScale)));
    }

    /** An iteration count times {@link #timeScale()}, at least 1; 0 (not set) stays 0. */
    long scaleIterations(long iterations) {
        return iterations == 0 ? 0 : Math.max(1, Math.round(iterations * timeScale));
    }

    /** Users times {@link #userScale()}, at least 1. */
    int scaleUsers(int users) {
        return (int) Math.max(1, Math.round(users * userScale));
    }

    private static ThreadMode parseThreads(String text) {
        try {
            return ThreadMode.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(THREADS + ": " + e.getMessage());
        }
    }

    private static double factor(Function<String, Optional<String>> lookup, String key) {
        Optional<String> text = lookup.apply(key).map(String::trim).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return 1;
        }
        try {
            double value = Double.parseDouble(text.get());
            if (value > 0 && !Double.isInfinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a positive number, got '" + text.get() + "'");
    }

    private static boolean flag(Function<String, Optional<String>> lookup, String key, boolean absent) {
        Optional<String> text = lookup.apply(key).map(String::trim).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return absent;
        }
        if (text.get().equalsIgnoreCase("true")) {
            return true;
        }
        if (text.get().equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + " must be true or false, got '" + text.get() + "'");
    }
}
