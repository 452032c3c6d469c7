package dev.costagent.perf.junit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/** Creates plugin instances named in annotations, with a clear message when that is impossible. */
final class Instances {

    private Instances() {
    }

    static <T> T create(Class<? extends T> type, String what) {
        try {
            Constructor<? extends T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(what + " " + type.getName() + " needs a no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("could not create " + what + " " + type.getName() + ": "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("could not create " + what + " " + type.getName() + ": " + e, e);
        }
    }
}
