package dev.costagent.perf.volume;

/**
 * Builds the input for one size, outside the timing (generate rows, load a file, fill a map).
 *
 * @param <T> the input type
 */
@FunctionalInterface
public interface VolumeSetup<T> {

    /** Creates an input of {@code size} records. */
    T create(int size) throws Exception;
}
