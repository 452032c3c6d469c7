package dev.costagent.perf;

/**
 * Consumes values so that the JIT compiler cannot prove them unused and delete the code computing them.
 *
 * <p>Primitives are folded into an accumulator that is published when the run ends; objects are stored into a
 * field, so they must be materialized. No call allocates. A blackhole belongs to one thread.
 */
public final class Blackhole {

    private static volatile long published;

    private long accumulator;
    private Object lastObject;

    /** Creates an empty blackhole. */
    public Blackhole() {}

    /** Consumes an int. */
    public void consume(int value) {
        accumulator = accumulator * 31 + value;
    }

    /** Consumes a long. */
    public void consume(long value) {
        accumulator = accumulator * 31 + value;
    }

    /** Consumes a double. */
    public void consume(double value) {
        accumulator = accumulator * 31 + Double.doubleToRawLongBits(value);
    }

    /** Consumes a boolean. */
    public void consume(boolean value) {
        accumulator = accumulator * 31 + (value ? 1 : 0);
    }

    /** Consumes an object reference (the object must exist; its contents are not read). */
    public void consume(Object value) {
        lastObject = value;
    }

    /**
     * Publishes what was consumed to a volatile field; the runner calls this after the measurement so the
     * accumulated values are observable and therefore must have been computed.
     *
     * @return a digest of everything consumed
     */
    public long publish() {
        long digest = accumulator ^ System.identityHashCode(lastObject);
        published = digest;
        return digest;
    }

    /** The last value published by any blackhole: what a check that the consumed values were computed reads. */
    public static long lastPublished() {
        return published;
    }
}
