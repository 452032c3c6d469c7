package dev.costagent.perf.bench;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.junit.MethodBinding;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/** Benchmark operations that call a method: a JUnit test method with its resolved arguments, or a named method. */
public final class BenchmarkMethods {

    private BenchmarkMethods() {}

    /** A benchmark operation that calls the test method, passing the blackhole to any {@link Blackhole} parameter. */
    public static BenchmarkOperation operation(Method method, Object target, List<Object> arguments) {
        MethodHandle call = MethodBinding.bind(method, target, arguments, Blackhole.class);
        return blackhole -> {
            try {
                call.invokeExact(blackhole);
            } catch (Throwable thrown) {
                throw MethodBinding.rethrowable(thrown);
            }
        };
    }

    /**
     * A benchmark operation that calls {@code type.methodName}: a static method, or an instance method of one
     * instance made by the no-argument constructor; it takes nothing or a {@link Blackhole}. A missing or ambiguous
     * method fails naming the class and method.
     */
    public static BenchmarkOperation operation(Class<?> type, String methodName) {
        Method found = null;
        for (Method candidate : type.getDeclaredMethods()) {
            if (!candidate.getName().equals(methodName)) {
                continue;
            }
            Class<?>[] parameters = candidate.getParameterTypes();
            boolean fits = parameters.length == 0 || (parameters.length == 1 && parameters[0] == Blackhole.class);
            if (fits) {
                if (found != null) {
                    throw new IllegalArgumentException(type.getName() + "." + methodName
                            + " is overloaded: keep one taking nothing or a Blackhole");
                }
                found = candidate;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(
                    type.getName() + " has no method " + methodName + "() or " + methodName + "(Blackhole)");
        }
        Object target = null;
        if (!Modifier.isStatic(found.getModifiers())) {
            try {
                var constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                target = constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(
                        "cannot make an instance of " + type.getName() + " for " + methodName + ": " + e, e);
            }
        }
        return operation(
                found, target, found.getParameterCount() == 0 ? List.of() : java.util.Arrays.asList((Object) null));
    }
}
