package dev.costagent.perf;

/**
 * Consumes values so that the JIT compiler cannot prove them unused and delete the code computing them.
 *
 * <p>Two ways, chosen once per JVM. Where the JVM was started with HotSpot's compiler blackhole for this class
 * ({@link #COMPILER_BLACKHOLE_FLAGS}, which benchmark forks always get, as JMH's do), a value goes to an empty static
 * method the optimising compiler keeps as an opaque use: the value is computed, and nothing else is paid. Otherwise
 * primitives are folded into an accumulator that is published when the run ends, and objects are stored into a
 * field, so they must be materialized; that costs about a nanosecond a call (a multiply-add chain, a reference
 * store with its GC barrier), which is what a few-nanosecond operation measured in the test JVM carries. No call
 * allocates. A blackhole belongs to one thread.
 */
public final class Blackhole {

    /**
     * The JVM options that turn on the compiler blackhole: add them to a test JVM's options (for example Surefire's
     * {@code argLine}) to measure operations of a few nanoseconds in process as precisely as in a fork.
     */
    public static final java.util.List<String> COMPILER_BLACKHOLE_FLAGS = java.util.List.of(
            "-XX:+UnlockExperimentalVMOptions",
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=blackhole,dev.costagent.perf.Blackhole::sink");

    /** Whether this JVM runs {@link #sink} as a compiler blackhole (read from the JVM's own options). */
    static final boolean COMPILER_BLACKHOLE = compilerBlackhole();

    private static volatile long published;

    private long accumulator;
    private Object lastObject;

    /** Creates an empty blackhole. */
    public Blackhole() {}

    /** Consumes an int. */
    public void consume(int value) {
        if (COMPILER_BLACKHOLE) {
            sink(value);
        } else {
            accumulator = accumulator * 31 + value;
        }
    }

    /** Consumes a long. */
    public void consume(long value) {
        if (COMPILER_BLACKHOLE) {
            sink(value);
        } else {
            accumulator = accumulator * 31 + value;
        }
    }

    /** Consumes a double. */
    public void consume(double value) {
        if (COMPILER_BLACKHOLE) {
            sink(value);
        } else {
            accumulator = accumulator * 31 + Double.doubleToRawLongBits(value);
        }
    }

    /** Consumes a boolean. */
    public void consume(boolean value) {
        if (COMPILER_BLACKHOLE) {
            sink(value);
        } else {
            accumulator = accumulator * 31 + (value ? 1 : 0);
        }
    }

    /** Consumes an object reference (the object must exist; its contents are not read). */
    public void consume(Object value) {
        if (COMPILER_BLACKHOLE) {
            sink(value);
        } else {
            lastObject = value;
        }
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

    /** Whether consumed values go to the compiler blackhole in this JVM (see the class comment). */
    public static boolean compilerBlackholeActive() {
        return COMPILER_BLACKHOLE;
    }

    // Empty on purpose: with the compile command HotSpot keeps each call as a use of its argument; without it they
    // are never called (COMPILER_BLACKHOLE is false), since an empty method would let the work be deleted.
    private static void sink(int value) {}

    private static void sink(long value) {}

    private static void sink(double value) {}

    private static void sink(boolean value) {}

    private static void sink(Object value) {}

    private static boolean compilerBlackhole() {
        boolean unlocked = false;
        boolean blackhole = false;
        for (String option :
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            unlocked |= option.equals("-XX:+UnlockExperimentalVMOptions");
            String normalized = option.replace('/', '.');
            blackhole |= normalized.startsWith("-XX:CompileCommand=blackhole,")
                    && (normalized.endsWith("dev.costagent.perf.Blackhole::sink")
                            || normalized.endsWith("dev.costagent.perf.Blackhole::*")
                            || normalized.endsWith("dev.costagent.perf.Blackhole.sink"));
        }
        return unlocked && blackhole;
    }

    /** The last value published by any blackhole: what a check that the consumed values were computed reads. */
    public static long lastPublished() {
        return published;
    }
}
