package dev.costagent.perf.spi;

/**
 * Writes results somewhere: the console, a JSON file, an HTML report. Called by the JUnit extension after each load
 * test (also when a requirement failed), and once more when the whole test run ends, so a reporter can aggregate.
 */
public interface PerfReporter {

    /** One load test has finished. */
    void report(PerfReport report);

    /**
     * The JUnit test run (the whole launcher session's engine) has finished; write aggregated output here. Called at
     * most once per reporter instance.
     */
    default void testRunFinished() {}
}
