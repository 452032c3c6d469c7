package dev.costagent.perf.report;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * The end of every harness II JUnit test: publish the key figures as JUnit report entries (so they land in the
 * Surefire XML), add the {@link TestReport} to the {@link RunReport#shared() run report}, and fail the test
 * listing every violated requirement, measured against required.
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
}
