package dev.costagent.perf.junit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/** Creates plugin instances named in annotations, with a clear message when that is impossible. */
public final class Instances {

    private Instances() {}

    /** A new instance of {@code type} through its no-argument constructor; {@code what} names it in errors. */
    public static <T> T create(Class<? extends T> type, String what) {
        try {
            Constructor<? extends T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(what + " " + type.getName() + " needs a no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "could not create " + what + " " + type.getName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("could not create " + what + " " + type.getName() + ": " + e, e);
        }
    }
}
