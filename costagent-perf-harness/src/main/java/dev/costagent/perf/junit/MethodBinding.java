package dev.costagent.perf.junit;

import dev.costagent.perf.Blackhole;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Objects;

/**
 * Binds a test method to a method handle that takes only the values that change per call, for the JUnit
 * extensions that call a test method many times: the instance and JUnit's resolved arguments are bound once,
 * and the parameters of the <em>open</em> types (a {@link Blackhole}, a data-volume input) stay open, so each call
 * is one {@code invokeExact} with no reflection and no allocation.
 *
 * <pre>{@code
 * MethodHandle call = MethodBinding.bind(method, target, arguments, Blackhole.class); // (Blackhole)void
 * }</pre>
 */
public final class MethodBinding {

    private MethodBinding() {}

    /**
     * A handle of type {@code (openTypes...)void}: every parameter of the method whose type equals one of
     * {@code openTypes} receives that open argument (a type may be used by several parameters or none); every
     * other parameter receives JUnit's resolved argument at its position.
     *
     * @param target    the test instance, null for a static method
     * @param arguments JUnit's resolved arguments, one per parameter
     */
    public static MethodHandle bind(Method method, Object target, List<Object> arguments, Class<?>... openTypes) {
        try {
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method);
            if (!Modifier.isStatic(method.getModifiers())) {
                handle = handle.bindTo(Objects.requireNonNull(target, "test instance"));
            }
            Class<?>[] parameters = method.getParameterTypes();
            // Insert fixed arguments right to left so earlier positions keep their indices.
            int[] openOf = new int[parameters.length];
            for (int i = parameters.length - 1; i >= 0; i--) {
                openOf[i] = indexOf(openTypes, parameters[i]);
                if (openOf[i] < 0) {
                    handle = MethodHandles.insertArguments(handle, i, arguments.get(i));
                }
            }
            // The remaining parameters are open ones, in method order; map them onto openTypes.
            int remaining = 0;
            for (int i = 0; i < parameters.length; i++) {
                if (openOf[i] >= 0) {
                    remaining++;
                }
            }
            int[] reorder = new int[remaining];
            int next = 0;
            for (int i = 0; i < parameters.length; i++) {
                if (openOf[i] >= 0) {
                    reorder[next++] = openOf[i];
                }
            }
            MethodType open = MethodType.methodType(handle.type().returnType(), openTypes);
            handle = MethodHandles.permuteArguments(handle, open, reorder);
            return handle.asType(MethodType.methodType(void.class, openTypes));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call test method " + method + ": " + e.getMessage(), e);
        }
    }

    /**
     * What a bound call threw, fit for an operation's {@code throws Exception}: an exception as it is, an error
     * rethrown right here, any other throwable wrapped in an {@link IllegalStateException}. Use it as
     * {@code catch (Throwable t) { throw MethodBinding.rethrowable(t); }} around {@code invokeExact}, which declares
     * {@code Throwable}.
     */
    public static Exception rethrowable(Throwable thrown) {
        if (thrown instanceof Error error) {
            throw error;
        }
        return thrown instanceof Exception exception ? exception : new IllegalStateException(thrown);
    }

    private static int indexOf(Class<?>[] types, Class<?> type) {
        for (int i = 0; i < types.length; i++) {
            if (types[i] == type) {
                return i;
            }
        }
        return -1;
    }
}
