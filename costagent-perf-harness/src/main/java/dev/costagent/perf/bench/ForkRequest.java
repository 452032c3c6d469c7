package dev.costagent.perf.bench;

import java.util.Map;
import java.util.Objects;

/**
 * What a fork is asked to run, sent to it as JSON: either a method of a class ({@link Mode#METHOD}, the
 * programmatic {@link BenchmarkRunner#run(Class, String)}) or a JUnit test by its unique id ({@link Mode#JUNIT}, a
 * {@link Benchmark @Benchmark} method, which the fork runs through the JUnit Platform so its lifecycle methods and
 * arguments are the test's own).
 *
 * @param mode          which of the two
 * @param settings      the runner's settings, durations already scaled
 * @param className     the class declaring the method (METHOD)
 * @param methodName    the method (METHOD)
 * @param uniqueId      the JUnit unique id of the test or test-template invocation (JUNIT)
 * @param configuration JUnit configuration parameters the fork's launcher gets (JUNIT)
 */
public record ForkRequest(
        Mode mode,
        Settings settings,
        String className,
        String methodName,
        String uniqueId,
        Map<String, String> configuration) {

    /** What the fork runs. */
    public enum Mode {
        /** A method of a class, called by {@link ForkMain} itself. */
        METHOD,
        /** A JUnit test, run through the JUnit Platform launcher in the fork. */
        JUNIT
    }

    /**
     * The measurement settings, as the parent resolved them.
     *
     * @param name                  benchmark name
     * @param warmupIterations      least warm-up iterations
     * @param measurementIterations measurement iterations
     * @param iterationNanos        scaled iteration time
     * @param maxWarmupNanos        scaled upper bound of the warm-up, -1 for the default
     * @param calibrated            whether calibration samples are taken beside each sample
     */
    public record Settings(
            String name,
            int warmupIterations,
            int measurementIterations,
            long iterationNanos,
            long maxWarmupNanos,
            boolean calibrated) {}

    /** Validates. */
    public ForkRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(settings, "settings");
        configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
    }

    static ForkRequest method(BenchmarkRunner runner, String className, String methodName) {
        return new ForkRequest(Mode.METHOD, runner.settings(), className, methodName, null, Map.of());
    }

    static ForkRequest junit(BenchmarkRunner runner, String uniqueId, Map<String, String> configuration) {
        return new ForkRequest(Mode.JUNIT, runner.settings(), null, null, uniqueId, configuration);
    }

    /** What the request runs, for messages: "Class.method" or the unique id. */
    String target() {
        return mode == Mode.METHOD ? className + "." + methodName : uniqueId;
    }
}
