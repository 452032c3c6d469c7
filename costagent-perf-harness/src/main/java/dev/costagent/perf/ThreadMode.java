package dev.costagent.perf;

/**
 * Which threads run the workers. Virtual threads exist from Java 21; the harness is compiled for 17 and finds them
 * reflectively.
 *
 * <p>Virtual threads are not preempted: a closed-model test whose operation burns CPU without ever blocking, with
 * more users than cores, runs only as many users at a time as there are cores. Use {@link #PLATFORM} for such tests
 * (or the override {@code perf.threads=platform}).
 */
public enum ThreadMode {
    /** Virtual threads when the runtime has them, platform threads otherwise. */
    AUTO,
    /** Virtual threads; fails on a runtime without them. */
    VIRTUAL,
    /** Platform threads. */
    PLATFORM;

    /** Parses {@code auto}, {@code virtual} or {@code platform}, ignoring case. */
    public static ThreadMode parse(String text) {
        for (ThreadMode mode : values()) {
            if (mode.name().equalsIgnoreCase(text.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown thread mode '" + text + "': expected auto, virtual or platform");
    }
}
