package dev.costagent.perf.volume;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.junit.JUnitReporting;
import dev.costagent.perf.junit.Measurement;
import dev.costagent.perf.junit.MethodBinding;
import dev.costagent.perf.junit.PerfSettings;
import dev.costagent.perf.report.TestReport;
import dev.costagent.perf.resource.OperationCount;
import dev.costagent.perf.resource.ResourceSampler;
import dev.costagent.perf.resource.ResourceUsage;
import dev.costagent.perf.resource.Units;
import dev.costagent.perf.spi.PerfReport;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs {@link DataVolume @DataVolume} methods through a {@link DataVolumeRunner}: the named setup method builds
 * each size's input, the test method processes it. Resolves the input and {@link Blackhole} parameters of the test
 * (placeholders: the runner passes the real values on every call) and {@link VolumeResult} parameters of
 * {@code @AfterEach} methods.
 */
public final class DataVolumeExtension implements ExecutionCondition, InvocationInterceptor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DataVolumeExtension.class);

    /** Creates the extension (registered by the annotation). */
    public DataVolumeExtension() {}

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return PerfSettings.condition(context, DataVolume.class, "not a data-volume test");
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
            ExtensionContext context) {
        Method method = invocationContext.getExecutable();
        DataVolume settings =
                AnnotationSupport.findAnnotation(method, DataVolume.class).orElseThrow();
        invocation.skip();
        Object target = invocationContext.getTarget().orElse(null);
        Method setup = setupMethod(context.getRequiredTestClass(), settings.setup());
        Class<?> inputType = inputParameter(method, setup).getType();
        MethodHandle call = MethodBinding.bind(
                        method, target, invocationContext.getArguments(), inputType, Blackhole.class)
                .asType(MethodType.methodType(void.class, Object.class, Blackhole.class));
        String name = PerfSettings.testName(context);
        ResourceSampler sampler = ResourceSampler.start(); // every perf run is sampled
        Measurement measurement = Measurement.begin(context);
        VolumeResult result;
        ResourceUsage usage;
        Measurement.Result measured;
        try {
            result = DataVolumeRunner.named(name)
                    .scale(1) // the times below are already scaled by perf.scale
                    .sizes(settings.sizes())
                    .warmup(PerfSettings.scaled(context, settings.warmup(), "@DataVolume.warmup"))
                    .minTime(PerfSettings.scaled(context, settings.minTime(), "@DataVolume.minTime"))
                    .clock(settings.clock())
                    .run(size -> invokeSetup(setup, target, size), (input, blackhole) -> {
                        try {
                            call.invokeExact(input, blackhole);
                        } catch (Throwable thrown) {
                            throw MethodBinding.rethrowable(thrown);
                        }
                    });
        } finally {
            measured = measurement.end();
            usage = sampler.stop();
        }
        context.getStore(NAMESPACE).put(VolumeResult.class, result);
        OperationCount.record(context, result.recordsProcessed());

        TestReport.Builder report = TestReport.builder(context.getUniqueId(), name, "data volume");
        Map<String, String> entries = new LinkedHashMap<>();
        for (VolumePoint p : result.points()) {
            report.figure(
                    String.format(Locale.ROOT, "%,d records", p.size()),
                    String.format(
                            Locale.ROOT,
                            "%s per run, %.2f ns/record (%d runs; setup %s, untimed)",
                            Units.nanos(p.medianNanos()),
                            p.nanosPerRecord(),
                            p.repetitions(),
                            Units.nanos(p.setupNanos())));
            entries.put("perf.nsPerRecord." + p.size(), String.format(Locale.ROOT, "%.3f", p.nanosPerRecord()));
            report.metric("per_record_at_" + p.size(), "ns", p.nanosPerRecord());
        }
        report.figure(
                "exponent",
                String.format(
                        Locale.ROOT,
                        "%.3f (R2 %.3f)",
                        result.exponent(),
                        result.fit().rSquared()));
        report.figure("degradation", String.format(Locale.ROOT, "%.2fx", result.degradation()));
        report.metric("exponent", "ratio", result.exponent())
                .metric("degradation", "ratio", result.degradation())
                .metric("records", "count", result.recordsProcessed());
        entries.put("perf.exponent", String.format(Locale.ROOT, "%.4f", result.exponent()));
        entries.put("perf.degradation", String.format(Locale.ROOT, "%.4f", result.degradation()));
        if (settings.maxExponent() >= 0) {
            report.checks(java.util.List.of(result.checkMaxExponent(settings.maxExponent())));
        }
        if (settings.maxDegradation() >= 0) {
            report.checks(java.util.List.of(result.checkMaxDegradation(settings.maxDegradation())));
        }
        JUnitReporting.complete(
                context,
                report,
                entries,
                usage,
                result.recordsProcessed(),
                result.charts(),
                PerfReport.Kind.DATA_VOLUME,
                result,
                measured);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        if (parameter.getType() == VolumeResult.class) {
            return true;
        }
        if (!(parameterContext.getDeclaringExecutable() instanceof Method method)) {
            return false;
        }
        return AnnotationSupport.findAnnotation(method, DataVolume.class)
                .map(settings -> {
                    if (parameter.getType() == Blackhole.class) {
                        return true;
                    }
                    Method setup = setupMethod(extensionContext.getRequiredTestClass(), settings.setup());
                    return parameter.equals(inputParameter(method, setup));
                })
                .orElse(false);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type == VolumeResult.class) {
            return JUnitReporting.stored(
                    extensionContext, NAMESPACE, VolumeResult.class, parameterContext, DataVolume.class);
        }
        return type == Blackhole.class ? new Blackhole() : null; // placeholders; the runner passes the real values
    }

    private static Method setupMethod(Class<?> testClass, String name) {
        return ReflectionSupport.findMethods(
                        testClass,
                        m -> m.getName().equals(name)
                                && m.getParameterCount() == 1
                                && m.getParameterTypes()[0] == int.class
                                && m.getReturnType() != void.class,
                        HierarchyTraversalMode.BOTTOM_UP)
                .stream()
                .findFirst()
                .orElseThrow(() -> new ExtensionConfigurationException("@DataVolume setup method '" + name
                        + "(int size)' returning the input was not found in " + testClass.getName()));
    }

    /** The one test-method parameter that receives the setup's result. */
    private static Parameter inputParameter(Method method, Method setup) {
        Parameter found = null;
        for (Parameter p : method.getParameters()) {
            if (p.getType() != Blackhole.class && p.getType().isAssignableFrom(setup.getReturnType())) {
                if (found != null) {
                    throw new ExtensionConfigurationException("@DataVolume method " + method.getName()
                            + " has two parameters that could take the result of " + setup.getName());
                }
                found = p;
            }
        }
        if (found == null) {
            throw new ExtensionConfigurationException("@DataVolume method " + method.getName()
                    + " needs a parameter of type " + setup.getReturnType().getSimpleName() + " for the input built by "
                    + setup.getName() + "(int)");
        }
        return found;
    }

    private static Object invokeSetup(Method setup, Object target, int size) throws Exception {
        setup.setAccessible(true);
        try {
            return setup.invoke(Modifier.isStatic(setup.getModifiers()) ? null : target, size);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
