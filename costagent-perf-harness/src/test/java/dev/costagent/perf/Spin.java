package dev.costagent.perf;

/** Busy work of a known length for self-tests: spins on the clock instead of sleeping, so it is real CPU work. */
final class Spin {

    private Spin() {}

    /** Spins for {@code nanos} nanoseconds. */
    static void forNanos(long nanos) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            Thread.onSpinWait();
        }
    }
}
