package dev.costagent.examples.perf;

import dev.costagent.perf.report.Check;
import dev.costagent.perf.report.RunReport;
import dev.costagent.perf.report.TestReport;
import dev.costagent.perf.result.Format;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.TestReporter;
import org.opentest4j.AssertionFailedError;

/**
 * The published time ceilings of the cost agent's stages (collection 1 s, analysis 2 s, recommendation 3 s, end to
 * end 5 s), checked against a benchmark's measured median: the check goes into the aggregated HTML report next to
 * the benchmark, its figure into the JUnit report entries, and a miss fails the test.
 */
final class Ceilings {

    private Ceilings() {}

    /** The published ceiling of one call, by the benchmark's test method name. */
    static final Map<String, Duration> PUBLISHED = Map.of(
            "costCollectionBenchmark", Duration.ofSeconds(1),
            "analysisBenchmark", Duration.ofSeconds(2),
            "recommendationGenerationBenchmark", Duration.ofSeconds(3),
            "endToEndWorkflowBenchmark", Duration.ofSeconds(5));

    /**
     * Checks one measured time against its ceiling: records it and fails when it is not below.
     *
     * @param test the test method name (a key of {@link #PUBLISHED})
     * @param what what was measured, e.g. {@code "median time per call"}
     * @param measuredNanos the measured figure
     */
    static void check(String test, String what, double measuredNanos, TestReporter reporter) {
        Duration ceiling = PUBLISHED.get(test);
        if (ceiling == null) {
            throw new IllegalArgumentException("no published ceiling for " + test);
        }
        boolean met = measuredNanos < ceiling.toNanos();
        String measured = Format.nanos(measuredNanos);
        Check check = Check.of(what + " below the published ceiling", measured, "< " + Format.duration(ceiling), met);
        RunReport.shared()
                .add(TestReport.builder(test + "/ceiling", test + " (ceiling)", "requirement")
                        .figure(what, measured)
                        .figure("headroom", String.format(Locale.ROOT, "%.1fx", ceiling.toNanos() / measuredNanos))
                        .checks(List.of(check))
                        .build());
        reporter.publishEntry(Map.of(
                "costagent.ceiling.measured.ms",
                String.format(Locale.ROOT, "%.3f", measuredNanos / 1e6),
                "costagent.ceiling.required.ms",
                Long.toString(ceiling.toMillis())));
        if (!met) {
            throw new AssertionFailedError(test + ": " + check.describe());
        }
    }
}
