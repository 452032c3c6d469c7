package dev.costagent.perf.junit;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps performance measurements apart. Every harness annotation carries
 * {@code @ResourceLock(PerfIsolation.RESOURCE)} (read-write), so under JUnit's parallel execution no two perf tests
 * run at the same time and no other test holding that lock runs beside them. Where a user forces overlap anyway
 * (their own executor, a configuration that ignores locks, programmatic runs on several threads), {@link #begin} and
 * {@link Window#end()} notice it and the report says so: a figure measured beside another measurement is not
 * trustworthy.
 *
 * <p>Only perf measurements are seen: an ordinary test running beside a perf test without the lock is not. Put
 * {@code @ResourceLock(PerfIsolation.RESOURCE)} on such tests, or {@code @Isolated} on the perf class.
 */
public final class PerfIsolation {

    /** The exclusive resource every perf annotation locks. */
    public static final String RESOURCE = "dev.costagent.perf.measurement";

    private static final Set<Window> OPEN = new HashSet<>();

    private PerfIsolation() {}

    /**
     * Opens a measurement window for the test {@code testId}, or returns null when that test already has one open
     * (two harness extensions on one test, such as {@code @Benchmark} with {@code @ResourceBudget}: the outer window
     * covers both).
     */
    public static synchronized Window begin(String testId) {
        for (Window open : OPEN) {
            if (open.testId.equals(testId)) {
                return null;
            }
        }
        Window window = new Window(testId);
        for (Window open : OPEN) {
            open.others++;
            window.others++;
        }
        OPEN.add(window);
        return window;
    }

    /** An open measurement window. */
    public static final class Window {
        private final String testId;
        private int others;

        private Window(String testId) {
            this.testId = testId;
        }

        /** Closes the window; returns a note for the report when another measurement overlapped it, else empty. */
        public String end() {
            synchronized (PerfIsolation.class) {
                OPEN.remove(this);
                return others == 0
                        ? ""
                        : "measured while " + others + " other perf measurement(s) ran in this JVM:"
                                + " figures are not trustworthy (perf tests lock " + RESOURCE + "; do not force them to"
                                + " overlap)";
            }
        }
    }
}
