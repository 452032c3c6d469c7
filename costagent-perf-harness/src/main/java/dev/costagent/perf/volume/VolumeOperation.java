package dev.costagent.perf.volume;

import dev.costagent.perf.Blackhole;

/**
 * The timed work on one input: processes all its records once. It may run several times on the same input, so it
 * should not consume it destructively.
 *
 * @param <T> the input type
 */
@FunctionalInterface
public interface VolumeOperation<T> {

    /** Processes {@code input}; feed results to the blackhole. */
    void run(T input, Blackhole blackhole) throws Exception;
}
