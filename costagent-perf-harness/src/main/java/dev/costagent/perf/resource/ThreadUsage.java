package dev.costagent.perf.resource;

/**
 * The calling thread's own counters: bytes it allocated and CPU time it used. Measuring code reads them around
 * exactly its measured calls, so per-operation figures exclude the JIT, the GC, samplers and any other test.
 */
public final class ThreadUsage {

    private ThreadUsage() {}

    /** Bytes the current thread allocated so far, or -1 when the JVM has no such counter. */
    public static long allocatedBytes() {
        return JvmGauges.currentThreadAllocatedBytes();
    }

    /** CPU nanoseconds the current thread used so far, or -1 when unsupported. */
    public static long cpuNanos() {
        return JvmGauges.currentThreadCpuNanos();
    }
}
