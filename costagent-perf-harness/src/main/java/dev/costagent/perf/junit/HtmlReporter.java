package dev.costagent.perf.junit;

import dev.costagent.perf.report.RunReport;
import dev.costagent.perf.spi.PerfReport;
import dev.costagent.perf.spi.PerfReporter;

/**
 * The harness reporter that adds every load test to the {@link RunReport#shared() shared run report} (console
 * summary, JSON, aggregated HTML). Registered through {@link java.util.ServiceLoader}, so load tests appear in
 * {@code target/perf-reports/index.html} next to benchmarks, scalability, data-volume and resource results.
 */
public final class HtmlReporter implements PerfReporter {

    /** Creates the reporter (ServiceLoader needs a public no-argument constructor). */
    public HtmlReporter() {}

    @Override
    public void report(PerfReport report) {
        if (report.kind() != PerfReport.Kind.LOAD) {
            return; // every other kind is added to the run report by its extension
        }
        RunReport.shared().add(LoadReports.toTestReport(report), false); // the harness prints its own summary
    }
}
