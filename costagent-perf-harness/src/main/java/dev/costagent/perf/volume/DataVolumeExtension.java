package dev.costagent.perf.volume;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.junit.JUnitReporting;
import dev.costagent.perf.junit.MeasuringExtension;
import dev.costagent.perf.junit.MethodBinding;
import dev.costagent.perf.junit.PerfSettings;
import dev.costagent.perf.report.TestReport;
import dev.costagent.perf.resource.OperationCount;
import dev.costagent.perf.resource.Units;
import dev.costagent.perf.spi.PerfReport;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Runs {@link DataVolume @DataVolume} methods through a {@link DataVolumeRunner}: the named setup method builds
 * each size's input, the test method processes it. Resolves the input and {@link Blackhole} parameters of the test
 * (placeholders: the runner passes the real values on every call) and {@link VolumeResult} parameters of
 * {@code @AfterEach} methods.
 */
public final class DataVolumeExtension extends MeasuringExtension<DataVolume, VolumeResult> {

    /** Creates the extension (registered by the annotation). */
    public DataVolumeExtension() {
        super(DataVolume.class, VolumeResult.class, "not a data-volume test");
    }

    @Override
    protected void measure(
            DataVolume settings, Method method, Object target, List<Object> arguments, ExtensionContext context) {
        Method setup = setupMethod(context.getRequiredTestClass(), settings.setup());
        Class<?> inputType = inputParameter(method, setup).getType();
        MethodHandle call = MethodBinding.bind(method, target, arguments, inputType, Blackhole.class)
                .asType(MethodType.methodType(void.class, Object.class, Blackhole.class));
        String name = PerfSettings.testName(context);
        Sampled<VolumeResult> run = sampled(
                context,
                () -> DataVolumeRunner.named(name)
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
                        }));
        VolumeResult result = run.result();
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
                run.usage(),
                result.recordsProcessed(),
                result.charts(),
                PerfReport.Kind.DATA_VOLUME,
                result,
                run.measured());
    }

    /** Besides the result and the blackhole: the test method's input parameter (a placeholder, as the blackhole). */
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
