package dev.costagent.perf.resource;

/**
 * What the load run's worker threads themselves used between their first and last measured call, read from
 * per-thread counters on each worker: exact per-operation figures, free of the harness's own threads and of
 * warm-up. Unmeasurable totals are -1: virtual threads (the default workers on Java 21+) have no per-thread
 * counters, so there the checks fall back to whole-JVM figures; run with platform threads for exact ones.
 *
 * @param workers        workers that made measured calls
 * @param allocatedBytes bytes the workers allocated (-1 when the JVM has no per-thread allocation counters)
 * @param cpuNanos       CPU time of the workers (-1 when unsupported)
 */
public record WorkerUsage(int workers, long allocatedBytes, long cpuNanos) {

    /** Worker bytes allocated per operation; NaN when unmeasurable or no operation ran. */
    public double allocatedBytesPerOp(long operations) {
        return allocatedBytes < 0 || operations <= 0 ? Double.NaN : (double) allocatedBytes / operations;
    }

    /** Worker CPU nanoseconds per operation; NaN when unmeasurable or no operation ran. */
    public double cpuNanosPerOp(long operations) {
        return cpuNanos < 0 || operations <= 0 ? Double.NaN : (double) cpuNanos / operations;
    }
}
