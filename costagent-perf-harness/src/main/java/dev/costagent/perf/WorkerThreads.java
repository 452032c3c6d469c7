package dev.costagent.perf;

import java.lang.reflect.Method;

/**
 * Starts worker threads: virtual ones when asked for and available (found reflectively, since the harness is compiled
 * for Java 17), platform daemon threads otherwise.
 */
final class WorkerThreads {

    /** {@code Thread.ofVirtual()}, {@code Thread.Builder.name(String)} and {@code Thread.Builder.unstarted(Runnable)}. */
    private static final Method[] VIRTUAL_BUILDER = findVirtualBuilder();

    private WorkerThreads() {}

    /** Whether this runtime has virtual threads. */
    static boolean virtualAvailable() {
        return VIRTUAL_BUILDER != null;
    }

    /** Whether {@code mode} means virtual threads on this runtime. */
    static boolean usesVirtual(ThreadMode mode) {
        if (mode == ThreadMode.VIRTUAL && !virtualAvailable()) {
            throw new IllegalStateException("virtual threads need Java 21 or later; this is Java "
                    + Runtime.version().feature());
        }
        return mode == ThreadMode.VIRTUAL || (mode == ThreadMode.AUTO && virtualAvailable());
    }

    /** A started thread running {@code body}. */
    static Thread start(boolean virtual, String name, Runnable body) {
        Thread thread = virtual ? unstartedVirtual(name, body) : platform(name, body);
        thread.start();
        return thread;
    }

    private static Thread platform(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static Thread unstartedVirtual(String name, Runnable body) {
        try {
            Object builder = VIRTUAL_BUILDER[0].invoke(null);
            builder = VIRTUAL_BUILDER[1].invoke(builder, name);
            return (Thread) VIRTUAL_BUILDER[2].invoke(builder, body);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not create a virtual thread", e);
        }
    }

    private static Method[] findVirtualBuilder() {
        try {
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            return new Method[] {
                Thread.class.getMethod("ofVirtual"),
                builder.getMethod("name", String.class),
                builder.getMethod("unstarted", Runnable.class)
            };
        } catch (ReflectiveOperationException e) {
            return null; // Java 17-20: no virtual threads
        }
    }
}
