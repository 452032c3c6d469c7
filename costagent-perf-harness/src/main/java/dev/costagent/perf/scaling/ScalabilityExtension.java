package dev.costagent.perf.scaling;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.bench.BenchmarkMethods;
import dev.costagent.perf.junit.JUnitReporting;
import dev.costagent.perf.junit.MeasuringExtension;
import dev.costagent.perf.junit.PerfSettings;
import dev.costagent.perf.report.TestReport;
import dev.costagent.perf.resource.OperationCount;
import dev.costagent.perf.spi.PerfReport;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs {@link Scalability @Scalability} methods through a {@link ScalabilityRunner}, reports and checks
 * {@code minEfficiency}. Resolves {@link Blackhole} parameters of the test and {@link ScalingResult} parameters of
 * {@code @AfterEach} methods.
 */
public final class ScalabilityExtension extends MeasuringExtension<Scalability, ScalingResult> {

    /** Creates the extension (registered by the annotation). */
    public ScalabilityExtension() {
        super(Scalability.class, ScalingResult.class, "not a scalability test");
    }

    @Override
    protected void measure(
            Scalability settings, Method method, Object target, List<Object> arguments, ExtensionContext context) {
        String name = PerfSettings.testName(context);
        Sampled<ScalingResult> run = sampled(
                context,
                () -> ScalabilityRunner.named(name)
                        .scale(1) // the times below are already scaled by perf.scale
                        .workers(settings.workers())
                        .warmup(PerfSettings.scaled(context, settings.warmup(), "@Scalability.warmup"))
                        .window(PerfSettings.scaled(context, settings.window(), "@Scalability.window"))
                        .run(BenchmarkMethods.operation(method, target, arguments)));
        ScalingResult result = run.result();
        OperationCount.record(context, result.invocations());

        TestReport.Builder report = TestReport.builder(context.getUniqueId(), name, "scalability")
                .figure("availableProcessors", Integer.toString(result.availableProcessors()));
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("perf.availableProcessors", Integer.toString(result.availableProcessors()));
        for (ScalingPoint p : result.points()) {
            report.figure(
                    p.workers() + " workers",
                    String.format(
                            Locale.ROOT,
                            "%,.0f ops/s, speedup %.2f, efficiency %.2f, busy cores %.2f",
                            p.throughput(),
                            p.speedup(),
                            p.efficiency(),
                            p.busyCores()));
            entries.put("perf.efficiency." + p.workers(), String.format(Locale.ROOT, "%.3f", p.efficiency()));
            report.metric("throughput_at_" + p.workers() + "_workers", "ops_per_s", p.throughput())
                    .metric("efficiency_at_" + p.workers() + "_workers", "ratio", p.efficiency());
        }
        report.figure(
                "Amdahl",
                String.format(
                        Locale.ROOT,
                        "sigma %.4f (R2 %.3f), max speedup %.1f",
                        result.amdahl().sigma(),
                        result.amdahl().rSquared(),
                        result.amdahl().maxSpeedup()));
        report.figure(
                "USL",
                String.format(
                        Locale.ROOT,
                        "sigma %.4f, kappa %.5f (R2 %.3f), peak %s",
                        result.usl().sigma(),
                        result.usl().kappa(),
                        result.usl().rSquared(),
                        result.peakText()));
        report.metric("amdahl_sigma", "ratio", result.amdahl().sigma())
                .metric("usl_sigma", "ratio", result.usl().sigma())
                .metric("usl_kappa", "ratio", result.usl().kappa());
        entries.put(
                "perf.amdahl.sigma",
                String.format(Locale.ROOT, "%.5f", result.amdahl().sigma()));
        entries.put(
                "perf.usl.sigma",
                String.format(Locale.ROOT, "%.5f", result.usl().sigma()));
        entries.put(
                "perf.usl.kappa",
                String.format(Locale.ROOT, "%.6f", result.usl().kappa()));
        if (settings.minEfficiency() >= 0) {
            report.checks(result.checkMinEfficiency(settings.minEfficiency()));
        }
        int beyond = (int) result.points().stream()
                .filter(p -> p.workers() > result.availableProcessors())
                .count();
        if (beyond > 0) {
            report.note(beyond + " worker count(s) exceed the " + result.availableProcessors()
                    + " available processors: CPU-bound work cannot speed up there; figures are as measured");
        }
        JUnitReporting.complete(
                context,
                report,
                entries,
                run.usage(),
                result.invocations(),
                result.charts(),
                PerfReport.Kind.SCALABILITY,
                result,
                run.measured());
    }
}
