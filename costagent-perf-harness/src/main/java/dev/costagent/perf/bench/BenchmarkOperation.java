package dev.costagent.perf.bench;

import dev.costagent.perf.Blackhole;

/**
 * The code a benchmark measures, called many times in a loop. Feed results to the {@link Blackhole}.
 */
@FunctionalInterface
public interface BenchmarkOperation {

    /** Runs the operation once. */
    void run(Blackhole blackhole) throws Exception;
}
