package dev.costagent.perf.junit;

import dev.costagent.perf.report.Chart;
import dev.costagent.perf.report.Check;
import dev.costagent.perf.report.RunReport;
import dev.costagent.perf.report.TestReport;
import dev.costagent.perf.resource.ResourceUsage;
import dev.costagent.perf.spi.Metric;
import dev.costagent.perf.spi.PerfReport;
import dev.costagent.perf.spi.PerfReporter;
import dev.costagent.perf.spi.Verdict;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * The end of every harness II JUnit test: publish the key figures as JUnit report entries (so they land in the
 * Surefire XML), add the {@link TestReport} to the {@link RunReport#shared() run report}, and fail the test
 * listing every violated requirement, measured against required. Afterwards, {@link #stored stored} hands the
 * test's result to {@code @AfterEach} parameters.
 */
public final class JUnitReporting {

    private JUnitReporting() {}

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
            String violations = report.violations().stream()
                    .map(c -> "  - " + c.describe())
                    .collect(Collectors.joining(System.lineSeparator()));
            throw new AssertionFailedError(report.violations().size() + " of "
                    + report.checks().size()
                    + " performance requirements not met by '" + report.displayName() + "':" + System.lineSeparator()
                    + violations);
        }
    }

    /**
     * Completes a test the way every performance extension does: adds the resource usage as the last figure, then
     * the test's own charts and the usage's charts, and {@linkplain #complete(ExtensionContext, TestReport.Builder,
     * Map, PerfReport.Kind, Object, Measurement.Result) reports it}.
     *
     * @param operations what the usage is divided by for its per-operation figures
     * @param charts     the test's charts, shown before the usage's
     * @throws AssertionFailedError when a check of the report is not met
     */
    public static void complete(
            ExtensionContext context,
            TestReport.Builder report,
            Map<String, String> entries,
            ResourceUsage usage,
            long operations,
            List<Chart> charts,
            PerfReport.Kind kind,
            Object outcome,
            Measurement.Result measured) {
        report.figure("resources", usage.summary(operations));
        charts.forEach(report::chart);
        usage.charts().forEach(report::chart);
        complete(context, report, entries, kind, outcome, measured);
    }

    /**
     * The one completion path of every kind of perf test: adds the meters' figures and overlap notes, checks the
     * {@link dev.costagent.perf.junit.MetricLimit}s, sends a {@link PerfReport} to every discovered reporter and to
     * those named by {@link WithPlugins}, then {@linkplain #complete(ExtensionContext, TestReport, Map) publishes,
     * records and fails if needed}.
     *
     * @throws AssertionFailedError when a check of the report is not met
     */
    public static void complete(
            ExtensionContext context,
            TestReport.Builder report,
            Map<String, String> entries,
            PerfReport.Kind kind,
            Object outcome,
            Measurement.Result measured) {
        for (Metric metric : measured.metrics()) {
            report.metric(metric);
            report.figure(
                    metric.name(),
                    Double.isNaN(metric.value())
                            ? "n/a"
                            : String.format(java.util.Locale.ROOT, "%,.4g %s", metric.value(), metric.unit()));
        }
        report.notes(measured.notes());
        report.checks(MetricLimits.check(context, report.metrics()));
        TestReport built = report.build();
        PerfReport perfReport = toPerfReport(built, kind, outcome, report.metrics());
        ReportSession session = ReportSession.of(context);
        for (PerfReporter reporter : reporters(context, session)) {
            session.use(reporter);
            reporter.report(perfReport);
        }
        complete(context, built, entries);
    }

    /** The SPI view of a harness report. */
    static PerfReport toPerfReport(TestReport report, PerfReport.Kind kind, Object outcome, List<Metric> metrics) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Check check : report.checks()) {
            verdicts.add(new Verdict(
                    check.requirement(),
                    check.measured() + (check.note().isEmpty() ? "" : " (" + check.note() + ")"),
                    check.required(),
                    check.met()));
        }
        return new PerfReport(report.id(), report.displayName(), kind, outcome, metrics, verdicts, report.notes());
    }

    /** Discovered reporters (the HTML one excepted: the run report adds these tests itself) and annotated ones. */
    private static List<PerfReporter> reporters(ExtensionContext context, ReportSession session) {
        List<PerfReporter> reporters = new ArrayList<>();
        for (PerfReporter reporter : session.discovered().reporters()) {
            if (!(reporter instanceof HtmlReporter)) {
                reporters.add(reporter);
            }
        }
        List<WithPlugins> annotated = new ArrayList<>();
        context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, WithPlugins.class))
                .ifPresent(annotated::add);
        context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, WithPlugins.class))
                .ifPresent(annotated::add);
        for (WithPlugins plugins : annotated) {
            for (Class<? extends PerfReporter> type : plugins.reporters()) {
                reporters.add(Instances.create(type, "reporter"));
            }
        }
        return reporters;
    }

    /**
     * For an extension's {@code resolveParameter}: the result of type {@code type} the test stored under that type
     * in {@code namespace}.
     *
     * @param annotation the test's annotation, named in the error
     * @throws ParameterResolutionException when there is none: the parameter is not on an {@code @AfterEach} method
     *                                      of a test with that annotation that ran
     */
    public static <T> T stored(
            ExtensionContext context,
            ExtensionContext.Namespace namespace,
            Class<T> type,
            ParameterContext parameter,
            Class<? extends Annotation> annotation) {
        T result = context.getStore(namespace).get(type, type);
        if (result == null) {
            throw new ParameterResolutionException("no " + type.getSimpleName() + " for "
                    + parameter.getDeclaringExecutable() + ": it can be injected into an @AfterEach method of a @"
                    + annotation.getSimpleName() + " test that ran");
        }
        return result;
    }
}
