package dev.costagent.perf.junit;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.Load;
import dev.costagent.perf.LoadBuilder;
import dev.costagent.perf.report.Check;
import dev.costagent.perf.requirement.Evaluation;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.LoadMetrics;
import dev.costagent.perf.spi.Metric;
import dev.costagent.perf.spi.PerfListener;
import dev.costagent.perf.spi.PerfReport;
import dev.costagent.perf.spi.PerfReporter;
import dev.costagent.perf.spi.Plugins;
import dev.costagent.perf.spi.Probe;
import dev.costagent.perf.spi.Requirement;
import dev.costagent.perf.spi.Verdict;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * Runs test methods annotated with {@link LoadTest}, {@link OpenLoad}, {@link SpikeLoad} or {@link CustomLoad}
 * under load. The annotations register it; register an instance yourself to add plugins that need the test's state:
 *
 * <pre>{@code
 * @RegisterExtension
 * static PerfExtension perf = new PerfExtension().withProbe(Probe.of("queue", service::queueDepth));
 * }</pre>
 *
 * <p>For each load test it: skips the test when {@code perf.skip=true}; intercepts the single invocation JUnit would
 * make (so {@code @BeforeEach}/{@code @AfterEach} run once per test) and calls the method under the configured load
 * instead; keeps the {@link LoadResult} for {@code @AfterEach} parameters; evaluates the {@link Requirements} plus
 * every discovered or registered custom requirement; sends a {@link PerfReport} to the console reporter and to every
 * discovered, annotated or registered reporter; publishes key figures as JUnit report entries; and finally fails the
 * test listing every violated requirement. Plugins registered with {@link java.util.ServiceLoader} apply to every
 * load test.
 */
public final class PerfExtension
        implements BeforeEachCallback, InvocationInterceptor, ParameterResolver, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PerfExtension.class);
    private static final String RESULT = "result";
    private static final String REGISTERED = "registered";

    private final List<Probe> probes;
    private final List<PerfListener> listeners;
    private final List<PerfReporter> reporters;
    private final List<Requirement> requirements;

    /** An extension with no plugins of its own (the annotations create this one). */
    public PerfExtension() {
        this(List.of(), List.of(), List.of(), List.of());
    }

    private PerfExtension(
            List<Probe> probes,
            List<PerfListener> listeners,
            List<PerfReporter> reporters,
            List<Requirement> requirements) {
        this.probes = List.copyOf(probes);
        this.listeners = List.copyOf(listeners);
        this.reporters = List.copyOf(reporters);
        this.requirements = List.copyOf(requirements);
    }

    /** A copy that also samples this probe in every load test it applies to. */
    public PerfExtension withProbe(Probe probe) {
        return new PerfExtension(plus(probes, probe), listeners, reporters, requirements);
    }

    /** A copy that also notifies this listener. */
    public PerfExtension withListener(PerfListener listener) {
        return new PerfExtension(probes, plus(listeners, listener), reporters, requirements);
    }

    /** A copy that also reports to this reporter. */
    public PerfExtension withReporter(PerfReporter reporter) {
        return new PerfExtension(probes, listeners, plus(reporters, reporter), requirements);
    }

    /** A copy that also checks this requirement. */
    public PerfExtension withRequirement(Requirement requirement) {
        return new PerfExtension(probes, listeners, reporters, plus(requirements, requirement));
    }

    /**
     * The result of the load test running in this context (or the method context of an {@code @AfterEach}), once
     * its load has finished; empty before that or for a test that is not a load test. For other extensions.
     */
    public static Optional<LoadResult> result(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(RESULT, LoadResult.class));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean loadTest = context.getElement().map(LoadPlanner::isLoadTest).orElse(false);
        if (loadTest && dev.costagent.perf.junit.PerfSettings.templateTwin(context)) {
            return ConditionEvaluationResult.disabled(
                    "runs once per invocation of its @ParameterizedTest," + " @RepeatedTest or other template");
        }
        if (loadTest && Overrides.skipRequested(context)) {
            return ConditionEvaluationResult.disabled(Overrides.SKIP + "=true: load tests are skipped");
        }
        return ConditionEvaluationResult.enabled("load tests run");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // Every registered instance (annotation-made or user-made) adds its plugins; the interceptor merges them.
        registered(context).add(this);
    }

    /**
     * A {@code @ParameterizedTest}, {@code @RepeatedTest} or other template invocation runs the whole measurement,
     * with that invocation's arguments, results and report entries.
     */
    @Override
    public void interceptTestTemplateMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        interceptTestMethod(invocation, invocationContext, context);
    }

    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        Method method = invocationContext.getExecutable();
        if (!LoadPlanner.isLoadTest(method)) {
            invocation.proceed();
            return;
        }
        invocation.skip();
        ReportSession session = ReportSession.of(context);
        Overrides overrides = Overrides.from(context);
        String name = dev.costagent.perf.junit.PerfSettings.testName(context);

        List<PerfExtension> instances = registered(context);
        Plugins discovered = session.discovered();
        List<Probe> runProbes = new ArrayList<>(discovered.probes());
        List<PerfListener> runListeners = new ArrayList<>(discovered.listeners());
        List<PerfReporter> runReporters = new ArrayList<>();
        if (overrides.console()) {
            runReporters.add(session.console());
        }
        runReporters.addAll(discovered.reporters());
        List<Requirement> extra = new ArrayList<>(discovered.requirements());
        for (WithPlugins plugins : AnnotationSupport.findAnnotation(method, WithPlugins.class).stream()
                .toList()) {
            addAnnotated(plugins, runProbes, runListeners, runReporters);
        }
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithPlugins.class)
                .ifPresent(plugins -> addAnnotated(plugins, runProbes, runListeners, runReporters));
        for (PerfExtension instance : instances) {
            runProbes.addAll(instance.probes);
            runListeners.addAll(instance.listeners);
            runReporters.addAll(instance.reporters);
            extra.addAll(instance.requirements);
        }

        LoadBuilder<?> load = LoadPlanner.plan(method, name, overrides, discovered);
        runProbes.forEach(load::probe);
        runListeners.forEach(load::listener);
        Blackholes blackholes = new Blackholes();
        Measurement measurement = Measurement.begin(context);
        LoadResult result;
        Measurement.Result measured;
        try {
            result = load.run(operation(
                    method, invocationContext.getTarget().orElse(null), invocationContext.getArguments(), blackholes));
        } finally {
            measured = measurement.end();
            blackholes.publish();
        }
        context.getStore(NAMESPACE).put(RESULT, result);

        Evaluation evaluation = RequirementsReader.read(method, context.getRequiredTestClass())
                .and(extra)
                .evaluate(result);
        List<Metric> metrics = new ArrayList<>(LoadMetrics.of(result));
        metrics.addAll(measured.metrics());
        List<Verdict> verdicts = new ArrayList<>(evaluation.verdicts());
        for (Check check : MetricLimits.check(context, metrics)) {
            verdicts.add(new Verdict(
                    check.requirement(),
                    check.measured() + (check.note().isEmpty() ? "" : " (" + check.note() + ")"),
                    check.required(),
                    check.met()));
        }
        PerfReport report = new PerfReport(
                context.getUniqueId(), name, PerfReport.Kind.LOAD, result, metrics, verdicts, measured.notes());
        for (PerfReporter reporter : runReporters) {
            session.use(reporter);
            reporter.report(report);
        }
        context.publishReportEntry(keyFigures(result));
        if (!evaluation.passed()) {
            throw new AssertionFailedError(evaluation.failureMessage());
        }
        if (!report.passed()) {
            throw new AssertionFailedError(report.violations().size() + " metric limit(s) not met by '" + name
                    + "':" + System.lineSeparator()
                    + report.violations().stream()
                            .map(v -> "  - " + v.describe())
                            .collect(java.util.stream.Collectors.joining(System.lineSeparator())));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == LoadResult.class
                || type == Blackhole.class && LoadPlanner.isLoadTest(parameterContext.getDeclaringExecutable());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() == Blackhole.class) {
            return new Blackhole(); // a placeholder: each worker thread passes its own blackhole on every call
        }
        LoadResult result = extensionContext.getStore(NAMESPACE).get(RESULT, LoadResult.class);
        if (result == null) {
            throw new ParameterResolutionException("no LoadResult for " + parameterContext.getDeclaringExecutable()
                    + ": it can be injected into an @AfterEach method of a load test that ran, not into the load "
                    + "test method itself");
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<PerfExtension> registered(ExtensionContext context) {
        return (List<PerfExtension>) context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(REGISTERED, k -> new ArrayList<PerfExtension>(), List.class);
    }

    private static void addAnnotated(
            WithPlugins plugins, List<Probe> probes, List<PerfListener> listeners, List<PerfReporter> reporters) {
        for (Class<? extends Probe> type : plugins.probes()) {
            probes.add(Instances.create(type, "probe"));
        }
        for (Class<? extends PerfListener> type : plugins.listeners()) {
            listeners.add(Instances.create(type, "listener"));
        }
        for (Class<? extends PerfReporter> type : plugins.reporters()) {
            reporters.add(Instances.create(type, "reporter"));
        }
    }

    /**
     * The test method as an operation: a method handle bound to the instance and the arguments JUnit resolved, so
     * each call costs no reflection and no allocation.
     */
    private static Load.Operation operation(
            Method method, Object target, List<Object> arguments, Blackholes blackholes) {
        if (java.util.Arrays.asList(method.getParameterTypes()).contains(Blackhole.class)) {
            MethodHandle withBlackhole = MethodBinding.bind(method, target, arguments, Blackhole.class);
            ThreadLocal<Blackhole> perWorker = ThreadLocal.withInitial(blackholes::create);
            return () -> {
                try {
                    withBlackhole.invokeExact(perWorker.get());
                } catch (Throwable thrown) {
                    throw MethodBinding.rethrowable(thrown);
                }
            };
        }
        MethodHandle call = MethodBinding.bind(method, target, arguments); // no open parameters: ()void
        return () -> {
            try {
                call.invokeExact();
            } catch (Throwable thrown) {
                throw MethodBinding.rethrowable(thrown);
            }
        };
    }

    private static Map<String, String> keyFigures(LoadResult r) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("perf.count", Long.toString(r.count()));
        figures.put("perf.errors", Long.toString(r.errorCount()));
        figures.put("perf.dropped", Long.toString(r.droppedStarts()));
        figures.put("perf.throughput", String.format(Locale.ROOT, "%.1f", r.throughput()));
        figures.put("perf.p50.ms", millis(r.responseTime(50).toNanos()));
        figures.put("perf.p95.ms", millis(r.responseTime(95).toNanos()));
        figures.put("perf.p99.ms", millis(r.responseTime(99).toNanos()));
        figures.put("perf.max.ms", millis(r.maxResponseTime().toNanos()));
        return figures;
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    /** The blackholes handed to a load test's workers, one per thread, published when the load ends. */
    private static final class Blackholes {
        private final java.util.Queue<Blackhole> created = new java.util.concurrent.ConcurrentLinkedQueue<>();

        Blackhole create() {
            Blackhole blackhole = new Blackhole();
            created.add(blackhole);
            return blackhole;
        }

        void publish() {
            created.forEach(Blackhole::publish);
        }
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(Objects.requireNonNull(item));
        return copy;
    }
}
