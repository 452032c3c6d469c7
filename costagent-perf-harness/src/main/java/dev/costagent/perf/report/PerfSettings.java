package dev.costagent.perf.report;

import dev.costagent.perf.junit.Overrides;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The run-wide settings harness II's JUnit extensions share with harness I's (read from JUnit configuration
 * parameters, which include system properties): {@code perf.scale} multiplies their durations and {@code
 * perf.skip=true} disables them.
 */
public final class PerfSettings {

    private PerfSettings() {
    }

    /** Disabled when {@code perf.skip=true}. */
    public static ConditionEvaluationResult condition(ExtensionContext context) {
        boolean skip = context.getConfigurationParameter(Overrides.SKIP).map(String::trim)
                .map(v -> v.toLowerCase(Locale.ROOT)).filter("true"::equals).isPresent();
        return skip ? ConditionEvaluationResult.disabled(Overrides.SKIP + "=true: performance tests are skipped")
                : ConditionEvaluationResult.enabled("performance tests run");
    }

    /** A duration text (such as {@code "100ms"}) times {@code perf.scale}, at least 1 ms. */
    public static Duration scaled(ExtensionContext context, String text, String attribute) {
        long nanos;
        try {
            nanos = dev.costagent.perf.resource.Units.parseNanos(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(attribute + ": " + e.getMessage());
        }
        double scale = Overrides.from(context).timeScale();
        return Duration.ofNanos(Math.max(1_000_000, Math.round(nanos * scale)));
    }

    /** The test's name for reports: {@code TestClass.method}. */
    public static String testName(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
    }
}
