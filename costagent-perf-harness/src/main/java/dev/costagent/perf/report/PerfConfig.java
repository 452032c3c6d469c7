package dev.costagent.perf.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where every harness setting comes from, resolved one way everywhere: a system property first, then
 * {@code junit-platform.properties} on the class path, then the annotation's attribute or the builder's value (the
 * caller's fallback). JUnit extensions read through the {@link ExtensionContext} (JUnit's configuration parameters,
 * which already resolve system properties, then launcher parameters, then {@code junit-platform.properties});
 * programmatic runners and JVM-wide objects ({@code BenchmarkRunner}, {@code DataVolumeRunner},
 * {@code ScalabilityRunner}, the report directory, the resource sampler) read through {@link #get(String)}, which
 * applies the same order without a context.
 */
public final class PerfConfig {

    /** The time scale factor ({@code perf.scale}). */
    public static final String SCALE = "perf.scale";

    private static volatile Properties platformProperties;

    private PerfConfig() {}

    /** A setting: system property, else {@code junit-platform.properties}, else empty. */
    public static Optional<String> get(String key) {
        String property = System.getProperty(key);
        if (property != null && !property.isBlank()) {
            return Optional.of(property.trim());
        }
        return Optional.ofNullable(platformProperties().getProperty(key))
                .map(String::trim)
                .filter(s -> !s.isEmpty());
    }

    /** The lookup of a JUnit context when there is one, else {@link #get(String)}. */
    public static Function<String, Optional<String>> lookup(ExtensionContext context) {
        return context == null ? PerfConfig::get : context::getConfigurationParameter;
    }

    /**
     * {@code perf.scale} as {@link #get(String)} resolves it; 1 when unset.
     *
     * @throws IllegalArgumentException when it is not a positive number
     */
    public static double scale() {
        return get(SCALE)
                .map(text -> {
                    try {
                        double value = Double.parseDouble(text);
                        if (value > 0 && !Double.isInfinite(value)) {
                            return value;
                        }
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                    throw new IllegalArgumentException(SCALE + " must be a positive number, got '" + text + "'");
                })
                .orElse(1.0);
    }

    /** A whole-number setting in milliseconds, or {@code fallback}. */
    public static long millis(String key, long fallback) {
        return get(key).map(text -> {
                    try {
                        return Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                key + " must be a whole number of milliseconds, got '" + text + "'", e);
                    }
                })
                .orElse(fallback);
    }

    /** Forgets the loaded {@code junit-platform.properties}, so the next read loads it again (for tests). */
    static void reload() {
        platformProperties = null;
    }

    private static Properties platformProperties() {
        Properties loaded = platformProperties;
        if (loaded == null) {
            loaded = new Properties();
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (InputStream in = loader == null ? null : loader.getResourceAsStream("junit-platform.properties")) {
                if (in != null) {
                    loaded.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read junit-platform.properties: " + e.getMessage(), e);
            }
            platformProperties = loaded;
        }
        return loaded;
    }
}
