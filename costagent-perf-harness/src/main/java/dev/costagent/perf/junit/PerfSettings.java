package dev.costagent.perf.junit;

import java.lang.annotation.Annotation;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The run-wide settings harness II's JUnit extensions share with harness I's (read from JUnit configuration
 * parameters, which include system properties): {@code perf.scale} multiplies their durations and {@code
 * perf.skip=true} disables them.
 */
public final class PerfSettings {

    private PerfSettings() {}

    /**
     * Disabled when {@code perf.skip=true}.
     *
     * @throws IllegalArgumentException when {@code perf.skip} is neither true nor false
     */
    public static ConditionEvaluationResult condition(ExtensionContext context) {
        return Overrides.skipRequested(context)
                ? ConditionEvaluationResult.disabled(Overrides.SKIP + "=true: performance tests are skipped")
                : ConditionEvaluationResult.enabled("performance tests run");
    }

    /**
     * For an extension's {@code evaluateExecutionCondition}: {@link #condition(ExtensionContext)} for elements carrying
     * {@code annotation}, enabled with {@code otherwise} as the reason for every other element.
     *
     * @param otherwise the reason given for elements without the annotation, such as {@code "not a benchmark"}
     */
    public static ConditionEvaluationResult condition(
            ExtensionContext context, Class<? extends Annotation> annotation, String otherwise) {
        if (templateTwin(context)) {
            return ConditionEvaluationResult.disabled(
                    "runs once per invocation of its @ParameterizedTest," + " @RepeatedTest or other template");
        }
        return context.getElement()
                        .filter(e -> AnnotationSupport.isAnnotated(e, annotation))
                        .isPresent()
                ? condition(context)
                : ConditionEvaluationResult.enabled(otherwise);
    }

    /**
     * Whether {@code context} is the plain-test twin JUnit also creates for a perf method that is a template too:
     * the perf annotations are meta-annotated with {@code @Test}, so a method with {@code @LoadTest} and
     * {@code @ParameterizedTest} is discovered both as a test and as a template. The template's invocations carry
     * the measurement; the twin is disabled (JUnit logs a discovery warning about it).
     */
    public static boolean templateTwin(ExtensionContext context) {
        // The twin's id ends in a [method:...] segment; the template and its invocations have template segments.
        return context.getUniqueId().endsWith(")]")
                && context.getUniqueId().contains("/[method:")
                && context.getTestMethod()
                        .filter(m -> AnnotationSupport.isAnnotated(m, org.junit.jupiter.api.TestTemplate.class))
                        .isPresent();
    }

    /**
     * A duration text, in any form {@link DurationText} accepts (such as {@code "100ms"}), times {@code perf.scale},
     * at least 1 ms.
     *
     * @throws IllegalArgumentException naming the attribute when the text is empty or not a duration
     */
    public static Duration scaled(ExtensionContext context, String text, String attribute) {
        Duration duration = DurationText.parse(text, attribute);
        if (duration == null) { // "not set" means nothing here: these attributes have no fallback
            throw new IllegalArgumentException(attribute + " is empty: give a duration such as \"100ms\"");
        }
        return Overrides.from(context).scaleTime(duration);
    }

    /**
     * The test's name for reports: {@code TestClass.method}, followed by the invocation's display name for a
     * {@code @ParameterizedTest}, {@code @RepeatedTest} or other template invocation (so each invocation has its
     * own report, JSON file and baseline), such as {@code "CacheTest.get [2] size=1000"}.
     */
    public static String testName(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName();
        boolean invocation =
                context.getParent().flatMap(ExtensionContext::getTestMethod).isPresent();
        return invocation ? name + " " + context.getDisplayName() : name;
    }
}
