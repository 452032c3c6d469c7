package dev.costagent.core.agent;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Threads for narrating one run's subjects at once: a virtual thread per subject where the runtime has them (Java
 * 21+), otherwise a few daemon platform threads. Narration waits on the network, so threads are cheap to give it.
 */
final class NarrationThreads {

    private static final MethodHandle VIRTUAL = virtualFactory();
    private static final int PLATFORM_THREADS = 8;

    private NarrationThreads() {}

    /** An executor for {@code tasks} narrations; the caller shuts it down. */
    static ExecutorService forTasks(int tasks) {
        if (VIRTUAL != null) {
            try {
                return (ExecutorService) VIRTUAL.invokeExact();
            } catch (Throwable e) {
                // fall through to platform threads
            }
        }
        return Executors.newFixedThreadPool(Math.min(tasks, PLATFORM_THREADS), runnable -> {
            Thread thread = new Thread(runnable, "costagent-narrate");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static MethodHandle virtualFactory() {
        try {
            return MethodHandles.publicLookup()
                    .findStatic(
                            Executors.class,
                            "newVirtualThreadPerTaskExecutor",
                            MethodType.methodType(ExecutorService.class));
        } catch (ReflectiveOperationException e) {
            return null; // Java 17: no virtual threads
        }
    }
}
