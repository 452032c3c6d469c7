package dev.costagent.perf.volume;

/**
 * The measurement at one data size.
 *
 * @param size           records in the input
 * @param repetitions    timed runs over the input
 * @param medianNanos    median time of one run over the whole input
 * @param nanosPerRecord medianNanos / size
 * @param setupNanos     time the setup took (not part of the measurement; reported for context)
 */
public record VolumePoint(int size, int repetitions, double medianNanos, double nanosPerRecord, long setupNanos) {}
