package dev.costagent.perf.resource;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * How many operations a JUnit performance test executed, shared between extensions through the test's
 * {@link ExtensionContext} store: {@code @Benchmark}, {@code @Scalability} and {@code @DataVolume} record it, and
 * {@link ResourceBudget @ResourceBudget} divides allocation and CPU time by it. A plain test counts as one operation.
 */
public final class OperationCount {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OperationCount.class);
    private static final String KEY = "operations";

    private OperationCount() {}

    /** Records that the test executed {@code operations} operations in total (warm-up included). */
    public static void record(ExtensionContext context, long operations) {
        context.getStore(NAMESPACE).put(KEY, operations);
    }

    /**
     * Records the measuring threads' own figures over {@code measured} operations (for a benchmark: its thread
     * over the measurement iterations), which {@code @ResourceBudget} then uses for its per-operation limits.
     */
    public static void recordMeasured(ExtensionContext context, long measured, WorkerUsage usage) {
        context.getStore(NAMESPACE).put(KEY + ".measured", measured);
        context.getStore(NAMESPACE).put(WorkerUsage.class, usage);
    }

    /** The measured operations recorded by {@link #recordMeasured}, or -1. */
    public static long measured(ExtensionContext context) {
        Long count = context.getStore(NAMESPACE).get(KEY + ".measured", Long.class);
        return count == null ? -1 : count;
    }

    /** The measuring threads' figures recorded by {@link #recordMeasured}, or null. */
    public static WorkerUsage measuredUsage(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(WorkerUsage.class, WorkerUsage.class);
    }

    /** The recorded count, or 1 when no extension recorded one. */
    public static long of(ExtensionContext context) {
        Long count = context.getStore(NAMESPACE).get(KEY, Long.class);
        return count == null ? 1 : count;
    }
}
