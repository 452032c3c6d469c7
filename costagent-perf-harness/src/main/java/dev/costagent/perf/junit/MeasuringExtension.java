package dev.costagent.perf.junit;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.resource.ResourceSampler;
import dev.costagent.perf.resource.ResourceUsage;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What every measuring annotation's extension does the same way ({@code @Benchmark}, {@code @Scalability},
 * {@code @DataVolume}): the test runs only where the annotation is (and not when {@code perf.skip} is set); the
 * JUnit invocation is skipped and the extension measures instead, once per {@code @ParameterizedTest} or
 * {@code @RepeatedTest} invocation, with that invocation's arguments; the run is sampled for resources inside the
 * measurement window; the result is injected into {@code @AfterEach} methods, and a {@link Blackhole} parameter of
 * the test gets a placeholder (the runner passes its own on every call).
 *
 * @param <A> the annotation
 * @param <R> the result type injected into {@code @AfterEach} methods
 */
public abstract class MeasuringExtension<A extends Annotation, R>
        implements ExecutionCondition, InvocationInterceptor, ParameterResolver {

    private final Class<A> annotation;
    private final Class<R> resultType;
    private final String otherwise;
    private final ExtensionContext.Namespace namespace;

    /**
     * @param annotation the annotation this extension measures
     * @param resultType the result it stores for {@code @AfterEach} methods
     * @param otherwise the reason given for tests without the annotation, such as {@code "not a benchmark"}
     */
    protected MeasuringExtension(Class<A> annotation, Class<R> resultType, String otherwise) {
        this.annotation = Objects.requireNonNull(annotation, "annotation");
        this.resultType = Objects.requireNonNull(resultType, "resultType");
        this.otherwise = Objects.requireNonNull(otherwise, "otherwise");
        this.namespace = ExtensionContext.Namespace.create(getClass());
    }

    /** A measured run: its result, the resources sampled while it ran, and the measurement window. */
    protected record Sampled<R>(R result, ResourceUsage usage, Measurement.Result measured) {}

    /**
     * Measures one test (or template invocation) and reports it, typically through {@link #sampled} and then
     * {@link JUnitReporting#complete}.
     *
     * @param settings the method's annotation
     * @param target the test instance, or null for a static method
     * @param arguments the invocation's resolved arguments
     */
    protected abstract void measure(
            A settings, Method method, Object target, List<Object> arguments, ExtensionContext context);

    @Override
    public final ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return PerfSettings.condition(context, annotation, otherwise);
    }

    /**
     * A {@code @ParameterizedTest}, {@code @RepeatedTest} or other template invocation runs the whole measurement,
     * with that invocation's arguments, results and report entries.
     */
    @Override
    public final void interceptTestTemplateMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        interceptTestMethod(invocation, invocationContext, context);
    }

    @Override
    public final void interceptTestMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) {
        Method method = invocationContext.getExecutable();
        A settings = AnnotationSupport.findAnnotation(method, annotation).orElseThrow();
        invocation.skip();
        measure(
                settings,
                method,
                invocationContext.getTarget().orElse(null),
                invocationContext.getArguments(),
                context);
    }

    /**
     * Runs {@code run} with the resources sampled and the measurement window open (every perf run is sampled), and
     * stores its result for {@code @AfterEach} methods.
     */
    protected final Sampled<R> sampled(ExtensionContext context, Supplier<R> run) {
        ResourceSampler sampler = ResourceSampler.start();
        Measurement measurement = Measurement.begin(context);
        R result;
        ResourceUsage usage;
        Measurement.Result measured;
        try {
            result = run.get();
        } finally {
            measured = measurement.end();
            usage = sampler.stop();
        }
        store(context, result);
        return new Sampled<>(result, usage, measured);
    }

    /** Stores {@code result} for {@code @AfterEach} methods (what {@link #sampled} does). */
    protected final void store(ExtensionContext context, R result) {
        context.getStore(namespace).put(resultType, result);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Blackhole.class || type == resultType;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type == resultType) {
            return JUnitReporting.stored(extensionContext, namespace, resultType, parameterContext, annotation);
        }
        return type == Blackhole.class ? new Blackhole() : null; // placeholders: the runner passes the real values
    }
}
