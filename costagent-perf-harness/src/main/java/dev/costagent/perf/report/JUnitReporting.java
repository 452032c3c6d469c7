package dev.costagent.perf.report;

import dev.costagent.perf.resource.ResourceUsage;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.opentest4j.AssertionFailedError;

/**
 * The end of every harness II JUnit test: publish the key figures as JUnit report entries (so they land in the
 * Surefire XML), add the {@link TestReport} to the {@link RunReport#shared() run report}, and fail the test
 * listing every violated requirement, measured against required. Afterwards, {@link #stored stored} hands the
 * test's result to {@code @AfterEach} parameters.
 */
public final class JUnitReporting {

    private JUnitReporting() {
    }

    /**
     * Publishes, records and fails if needed.
     *
     * @param entries key figures for {@code publishReportEntry}, e.g. {@code "perf.median.ns" -> "12.3"}
     * @throws AssertionFailedError when a check of the report is not met
     */
    public static void complete(ExtensionContext context, TestReport report, Map<String, String> entries) {
        if (!entries.isEmpty()) {
            context.publishReportEntry(entries);
        }
        RunReport.shared().add(report);
        if (!report.passed()) {
            String violations = report.violations().stream().map(c -> "  - " + c.describe())
                    .collect(Collectors.joining(System.lineSeparator()));
            throw new AssertionFailedError(report.violations().size() + " of " + report.checks().size()
                    + " performance requirements not met by '" + report.displayName() + "':" + System.lineSeparator()
                    + violations);
        }
    }

    /**
     * Completes a test the way every performance extension does: adds the resource usage as the last figure, then
     * the test's own charts and the usage's charts, and {@linkplain #complete(ExtensionContext, TestReport, Map)
     * publishes, records and fails if needed}.
     *
     * @param operations what the usage is divided by for its per-operation figures
     * @param charts     the test's charts, shown before the usage's
     * @throws AssertionFailedError when a check of the report is not met
     */
    public static void complete(ExtensionContext context, TestReport.Builder report, Map<String, String> entries,
                                ResourceUsage usage, long operations, List<Chart> charts) {
        report.figure("resources", usage.summary(operations));
        charts.forEach(report::chart);
        usage.charts().forEach(report::chart);
        complete(context, report.build(), entries);
    }

    /**
     * For an extension's {@code resolveParameter}: the result of type {@code type} the test stored under that type
     * in {@code namespace}.
     *
     * @param annotation the test's annotation, named in the error
     * @throws ParameterResolutionException when there is none: the parameter is not on an {@code @AfterEach} method
     *                                      of a test with that annotation that ran
     */
    public static <T> T stored(ExtensionContext context, ExtensionContext.Namespace namespace, Class<T> type,
                               ParameterContext parameter, Class<? extends Annotation> annotation) {
        T result = context.getStore(namespace).get(type, type);
        if (result == null) {
            throw new ParameterResolutionException("no " + type.getSimpleName() + " for "
                    + parameter.getDeclaringExecutable() + ": it can be injected into an @AfterEach method of a @"
                    + annotation.getSimpleName() + " test that ran");
        }
        return result;
    }
}
