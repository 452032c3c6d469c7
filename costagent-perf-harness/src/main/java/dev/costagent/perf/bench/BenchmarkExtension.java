package dev.costagent.perf.bench;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.baseline.Baseline;
import dev.costagent.perf.baseline.BaselineComparator;
import dev.costagent.perf.baseline.BaselineStore;
import dev.costagent.perf.baseline.Calibration;
import dev.costagent.perf.baseline.Change;
import dev.costagent.perf.baseline.Comparison;
import dev.costagent.perf.baseline.ComparisonPolicy;
import dev.costagent.perf.junit.JUnitReporting;
import dev.costagent.perf.junit.MeasuringExtension;
import dev.costagent.perf.junit.PerfSettings;
import dev.costagent.perf.report.Chart;
import dev.costagent.perf.report.Check;
import dev.costagent.perf.report.Series;
import dev.costagent.perf.report.TestReport;
import dev.costagent.perf.resource.OperationCount;
import dev.costagent.perf.resource.WorkerUsage;
import dev.costagent.perf.spi.PerfReport;
import dev.costagent.perf.stats.ConfidenceInterval;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs {@link Benchmark @Benchmark} methods: intercepts JUnit's single invocation, runs the method as a
 * {@link BenchmarkRunner} operation, compares with or records the baseline, reports (console, JSON, HTML, JUnit
 * report entries) and fails on a regression. Resolves {@link Blackhole} parameters of the benchmark and
 * {@link BenchmarkResult} parameters of {@code @AfterEach} methods.
 */
public final class BenchmarkExtension extends MeasuringExtension<Benchmark, BenchmarkResult> {

    /** Configuration key of the baseline mode: auto, record, compare or off. */
    public static final String BASELINE_MODE = "perf.baseline";

    /** Creates the extension (registered by the annotation). */
    public BenchmarkExtension() {
        super(Benchmark.class, BenchmarkResult.class, "not a benchmark");
    }

    @Override
    protected void measure(
            Benchmark settings, Method method, Object target, List<Object> arguments, ExtensionContext context) {
        String name = settings.name().isEmpty() ? PerfSettings.testName(context) : settings.name();
        Duration iterationTime = PerfSettings.scaled(context, settings.iterationTime(), "@Benchmark.iterationTime");
        String forkResult = System.getProperty(ForkMain.RESULT_PROPERTY);
        boolean compared = settings.baseline() && !baselineMode(context).equals("off");
        BenchmarkRunner runner = BenchmarkRunner.named(name)
                .scale(1) // the durations below are already scaled by this context's perf.scale
                .warmupIterations(settings.warmupIterations())
                .maxWarmup(
                        settings.maxWarmup().isBlank()
                                ? iterationTime.multipliedBy(40)
                                : PerfSettings.scaled(context, settings.maxWarmup(), "@Benchmark.maxWarmup"))
                .measurementIterations(settings.iterations())
                .iterationTime(iterationTime)
                .calibrated(compared)
                .jvmArgs(jvmArgs(context, settings));
        if (forkResult != null) {
            // This JVM is a fork: measure here, hand the result to the parent, report nothing.
            BenchmarkResult measuredHere = runner.run(BenchmarkMethods.operation(method, target, arguments));
            store(context, measuredHere);
            writeForkOutcome(Path.of(forkResult), measuredHere);
            return;
        }
        int forks = forks(context, settings, compared);
        Sampled<BenchmarkResult> run = sampled(
                context,
                () -> forks == 0
                        ? runner.run(BenchmarkMethods.operation(method, target, arguments))
                        : Forks.run(
                                runner.forks(forks),
                                ForkRequest.junit(runner, context.getUniqueId(), forkConfiguration(context))));
        BenchmarkResult result = run.result();
        OperationCount.record(context, result.invocations());
        OperationCount.recordMeasured(
                context,
                result.operations(),
                new WorkerUsage(
                        1,
                        Double.isNaN(result.allocatedBytesPerOp())
                                ? -1
                                : Math.round(result.allocatedBytesPerOp() * result.operations()),
                        Double.isNaN(result.cpuNanosPerOp())
                                ? -1
                                : Math.round(result.cpuNanosPerOp() * result.operations())));

        TestReport.Builder report = TestReport.builder(context.getUniqueId(), name, "benchmark");
        Map<String, String> entries = new LinkedHashMap<>();
        ConfidenceInterval median = result.medianInterval();
        ConfidenceInterval mean = result.meanInterval();
        report.figure("median", ns(result.median()) + " ns/op")
                .figure("median 95% CI", ns(median.lower()) + " .. " + ns(median.upper()) + " ns/op")
                .figure("mean", ns(result.mean()) + " ± " + ns(mean.upper() - mean.estimate()) + " ns/op (95% CI)")
                .figure("throughput", String.format(Locale.ROOT, "%,.0f ops/s", result.throughput()))
                .figure(
                        "warm-up",
                        result.warmupIterations() + " iterations, "
                                + (result.steady() ? "steady" : "NOT steady: stopped at the upper bound"))
                .figure(
                        "measuring thread",
                        String.format(
                                Locale.ROOT,
                                "%s CPU/op, %s allocated/op",
                                ns(result.cpuNanosPerOp()) + " ns",
                                ns(result.allocatedBytesPerOp()) + " B"))
                .figure(
                        "iterations",
                        settings.iterations() + " x " + iterationTime.toMillis() + " ms, " + result.operations()
                                + " ops measured");
        report.metric("median", "ns", result.median())
                .metric("median_ci_low", "ns", median.lower())
                .metric("median_ci_high", "ns", median.upper())
                .metric("mean", "ns", result.mean())
                .metric("throughput", "ops_per_s", result.throughput())
                .metric("operations", "count", result.operations())
                .metric("invocations", "count", result.invocations())
                .metric("cpu_per_op", "ns", result.cpuNanosPerOp())
                .metric("allocated_per_op", "bytes", result.allocatedBytesPerOp())
                .metric("warmup_iterations", "count", result.warmupIterations());
        if (result.forked()) {
            report.figure(
                    "forks",
                    result.processIds().size() + " fresh JVM(s), pid "
                            + result.processIds().stream()
                                    .map(String::valueOf)
                                    .collect(java.util.stream.Collectors.joining(", ")));
            report.metric("forks", "count", result.processIds().size());
        }
        if (!result.steady()) {
            report.note("warm-up hit its upper bound before the figure was steady: treat it with care");
        }
        entries.put("perf.median.ns", ns(result.median()));
        entries.put("perf.median.ci.low.ns", ns(median.lower()));
        entries.put("perf.median.ci.high.ns", ns(median.upper()));
        entries.put("perf.mean.ns", ns(result.mean()));
        entries.put("perf.throughput", String.format(Locale.ROOT, "%.1f", result.throughput()));

        List<Series> series = new ArrayList<>();
        series.add(Series.measured("this run", iterationNumbers(result.samples()), result.samples()));
        if (settings.baseline()) {
            baseline(context, result, report, entries)
                    .ifPresent(base ->
                            series.add(Series.measured("baseline", iterationNumbers(base.samples()), base.samples())));
        }
        JUnitReporting.complete(
                context,
                report,
                entries,
                run.usage(),
                result.invocations(),
                List.of(Chart.linear("ns/op per measurement iteration", "iteration", "ns/op", series)),
                PerfReport.Kind.BENCHMARK,
                result,
                run.measured());
    }

    /** Configuration key of the number of forks; overrides {@link Benchmark#forks()}. */
    public static final String FORKS = "perf.forks";

    /** Configuration key of extra JVM options of every fork, separated by blanks. */
    public static final String FORK_JVM_ARGS = "perf.fork.jvmArgs";

    /** The JUnit configuration parameters a fork's launcher gets from this run. */
    private static final List<String> FORWARDED = List.of(
            "perf.scale",
            "perf.scale.rate",
            "perf.scale.users",
            "perf.threads",
            "perf.skip",
            "perf.baseline",
            "junit.jupiter.extensions.autodetection.enabled");

    /**
     * Forks to run: {@value #FORKS} if set, else the annotation's; the default (-1) forks once where the figure is
     * compared with a baseline, and measures in this JVM otherwise.
     */
    static int forks(ExtensionContext context, Benchmark settings, boolean compared) {
        Optional<String> configured = context.getConfigurationParameter(FORKS).map(String::trim);
        int forks;
        if (configured.isPresent() && !configured.get().isEmpty()) {
            try {
                forks = Integer.parseInt(configured.get());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(FORKS + " must be a whole number, got '" + configured.get() + "'");
            }
        } else {
            forks = settings.forks();
        }
        if (forks < 0) {
            return compared ? 1 : 0;
        }
        return forks;
    }

    private static List<String> jvmArgs(ExtensionContext context, Benchmark settings) {
        List<String> args = new ArrayList<>(List.of(settings.jvmArgs()));
        context.getConfigurationParameter(FORK_JVM_ARGS)
                .map(String::trim)
                .filter(text -> !text.isEmpty())
                .ifPresent(text -> args.addAll(List.of(text.split("\\s+"))));
        return args;
    }

    private static Map<String, String> forkConfiguration(ExtensionContext context) {
        Map<String, String> configuration = new LinkedHashMap<>();
        for (String key : FORWARDED) {
            context.getConfigurationParameter(key).ifPresent(value -> configuration.put(key, value));
        }
        configuration.put("perf.console", "false");
        return configuration;
    }

    private static void writeForkOutcome(Path file, BenchmarkResult result) {
        try {
            ForkMain.write(file, ForkOutcome.measured(result));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the fork's result " + file + ": " + e.getMessage(), e);
        }
    }

    private static String baselineMode(ExtensionContext context) {
        String mode = context.getConfigurationParameter(BASELINE_MODE)
                .map(String::trim)
                .orElse("auto")
                .toLowerCase(Locale.ROOT);
        if (!List.of("auto", "record", "compare", "off").contains(mode)) {
            throw new IllegalArgumentException(
                    BASELINE_MODE + " must be auto, record, compare or off, got '" + mode + "'");
        }
        return mode;
    }

    /** Compares with or records the baseline per the mode; returns the baseline compared against, if any. */
    private static Optional<Baseline> baseline(
            ExtensionContext context, BenchmarkResult result, TestReport.Builder report, Map<String, String> entries) {
        String mode = baselineMode(context);
        if (mode.equals("off")) {
            return Optional.empty();
        }
        BaselineStore store =
                BaselineStore.at(Path.of(context.getConfigurationParameter(BaselineStore.DIRECTORY_PROPERTY)
                        .orElse(BaselineStore.DEFAULT_DIRECTORY)));
        Optional<Baseline> existing = mode.equals("record") ? Optional.empty() : store.load(result.name());
        if (existing.isEmpty()) {
            if (mode.equals("compare")) {
                report.note("no baseline at " + store.fileFor(result.name()) + "; not compared");
            } else {
                // The calibration workload measured beside it lets a later comparison tell machine drift apart.
                Baseline recorded = result.toBaseline();
                Path file = store.save(
                        recorded.calibration().length > 0 ? recorded : recorded.withCalibration(Calibration.measure()));
                report.note("baseline recorded: " + file);
                entries.put("perf.baseline", "recorded");
            }
            return Optional.empty();
        }
        ComparisonPolicy policy = ComparisonPolicy.from(context::getConfigurationParameter);
        Comparison comparison = new BaselineComparator(policy)
                .compare(
                        existing.get(),
                        result.samplesFor(existing.get()).length > 0
                                ? result.samplesFor(existing.get())
                                : result.samples(),
                        result.environment(),
                        result.calibration().length > 0 ? result.calibration() : Calibration.measure());
        report.figure("vs baseline", comparison.summary());
        report.notes(comparison.warnings());
        entries.put("perf.baseline", comparison.change().name());
        if (comparison.ratio() != null) {
            entries.put("perf.baseline.change", String.format(Locale.ROOT, "%.4f", comparison.relativeChange()));
        }
        if (comparison.change() != Change.NOT_COMPARED) {
            report.checks(List.of(new Check(
                    "median vs baseline (" + policy.method().name().toLowerCase(Locale.ROOT) + ", alpha "
                            + policy.alpha() + ")",
                    comparison.ratio() == null
                            ? "n/a"
                            : String.format(
                                    Locale.ROOT,
                                    "%+.1f%% (%s)",
                                    comparison.relativeChange() * 100,
                                    comparison.change()),
                    String.format(Locale.ROOT, "no significant slowdown over %.0f%%", policy.threshold() * 100),
                    !comparison.failing(),
                    String.join("; ", comparison.warnings()))));
        }
        return existing;
    }

    /** The x axis of a samples chart: 1, 2, ..., one iteration number per sample. */
    private static double[] iterationNumbers(double[] samples) {
        double[] numbers = new double[samples.length];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = i + 1;
        }
        return numbers;
    }

    private static String ns(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.3f", value);
    }
}
