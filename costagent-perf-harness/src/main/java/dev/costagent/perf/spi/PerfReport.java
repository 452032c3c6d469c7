package dev.costagent.perf.spi;

import dev.costagent.perf.LoadResult;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link PerfReporter} receives after each load test: the test's identity, its result and the verdict of each
 * requirement.
 *
 * @param testId      a stable id (the JUnit unique id, or the run name for programmatic use)
 * @param displayName the human name of the test
 * @param result      the measured result
 * @param verdicts    every requirement checked, met or not, in evaluation order
 */
public record PerfReport(String testId, String displayName, LoadResult result, List<Verdict> verdicts) {

    /** Validates and copies. */
    public PerfReport {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(result, "result");
        verdicts = List.copyOf(verdicts);
    }

    /** True when every requirement is met. */
    public boolean passed() {
        return verdicts.stream().allMatch(Verdict::met);
    }

    /** The requirements that are not met. */
    public List<Verdict> violations() {
        return verdicts.stream().filter(v -> !v.met()).toList();
    }
}
