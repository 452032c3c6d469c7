package dev.costagent.perf.junit;

import dev.costagent.perf.report.Chart;
import dev.costagent.perf.report.Check;
import dev.costagent.perf.report.Series;
import dev.costagent.perf.report.TestReport;
import dev.costagent.perf.resource.ResourceListener;
import dev.costagent.perf.resource.ResourceUsage;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.SecondSample;
import dev.costagent.perf.spi.PerfReport;
import dev.costagent.perf.spi.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a harness load test's {@link PerfReport} into a {@link TestReport}: counts, throughput and percentiles as
 * key figures, requirement verdicts as checks, and charts of the per-second series (percentiles, throughput,
 * concurrency, probes) plus the resource series when {@link ResourceListener} sampled the run.
 */
public final class LoadReports {

    private LoadReports() {}

    /** The report of one load test. */
    public static TestReport toTestReport(PerfReport report) {
        LoadResult r = report.result();
        TestReport.Builder builder = TestReport.builder(report.testId(), report.displayName(), "load")
                .figure("model", r.description())
                .figure("count", String.format(Locale.ROOT, "%,d", r.count()))
                .figure("errors", String.format(Locale.ROOT, "%,d (%.2f%%)", r.errorCount(), r.errorRate() * 100))
                .figure("throughput", String.format(Locale.ROOT, "%,.1f/s", r.throughput()))
                .figure("p50", ms(r.responseTime(50)))
                .figure("p95", ms(r.responseTime(95)))
                .figure("p99", ms(r.responseTime(99)))
                .figure("max", ms(r.maxResponseTime()));
        if (r.droppedStarts() > 0) {
            builder.figure("dropped starts", String.format(Locale.ROOT, "%,d", r.droppedStarts()));
        }
        List<Check> checks = new ArrayList<>();
        for (Verdict v : report.verdicts()) {
            checks.add(Check.of(v.requirement(), v.measured(), v.required(), v.met()));
        }
        builder.checks(checks);
        report.metrics().forEach(builder::metric);
        builder.notes(report.notes());
        seriesCharts(r.series()).forEach(builder::chart);
        r.attachment(ResourceListener.ATTACHMENT, ResourceUsage.class).ifPresent(usage -> {
            builder.figure("resources", usage.summary(r.count()));
            usage.charts().forEach(builder::chart);
        });
        return builder.build();
    }

    /** Charts of a per-second series: percentiles, throughput, concurrency, and one chart per probe. */
    public static List<Chart> seriesCharts(List<SecondSample> series) {
        int n = series.size();
        double[] t = new double[n];
        double[] p50 = new double[n];
        double[] p95 = new double[n];
        double[] p99 = new double[n];
        double[] throughput = new double[n];
        double[] errors = new double[n];
        double[] concurrency = new double[n];
        Set<String> probes = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            SecondSample s = series.get(i);
            t[i] = s.second();
            boolean any = s.completed() > 0;
            p50[i] = any ? s.p50Nanos() / 1e6 : Double.NaN;
            p95[i] = any ? s.p95Nanos() / 1e6 : Double.NaN;
            p99[i] = any ? s.p99Nanos() / 1e6 : Double.NaN;
            throughput[i] = s.throughput();
            errors[i] = s.intervalNanos() == 0 ? 0 : s.errors() * 1e9 / s.intervalNanos();
            concurrency[i] = s.concurrency();
            probes.addAll(s.probes().keySet());
        }
        List<Chart> charts = new ArrayList<>();
        charts.add(Chart.linear(
                "Response time percentiles per second",
                "second",
                "ms",
                List.of(
                        Series.measured("p50", t, p50),
                        Series.measured("p95", t, p95),
                        Series.measured("p99", t, p99))));
        charts.add(Chart.linear(
                "Throughput per second",
                "second",
                "ops/s",
                List.of(Series.measured("completed", t, throughput), Series.measured("errors", t, errors))));
        charts.add(Chart.linear(
                "Concurrency (in flight at each second's end)",
                "second",
                "operations",
                List.of(Series.measured("in flight", t, concurrency))));
        for (String probe : probes) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                Double v = series.get(i).probes().get(probe);
                values[i] = v == null ? Double.NaN : v;
            }
            charts.add(Chart.linear("Probe " + probe, "second", probe, List.of(Series.measured(probe, t, values))));
        }
        return charts;
    }

    private static String ms(Duration duration) {
        return String.format(Locale.ROOT, "%.3f ms", duration.toNanos() / 1e6);
    }
}
