package dev.costagent.perf.resource;

/**
 * One sample of the JVM's resources. Cumulative figures count from the start of sampling.
 *
 * @param offsetNanos    time since sampling started
 * @param heapUsed       heap bytes in use now
 * @param heapAfterGc    heap bytes in use right after the most recent collection (-1 before the first one)
 * @param allocatedBytes bytes allocated by all threads since sampling started (-1 when unmeasurable)
 * @param cpuNanos       process CPU time since sampling started (-1 when unmeasurable)
 * @param cpuPercent     process CPU use since the previous sample, in percent of all available processors;
 *                       NaN for the first sample, which has no interval to measure over
 * @param gcCount        collections since sampling started
 * @param gcTimeMillis   collection time since sampling started
 * @param threads        live threads now
 */
public record ResourceSample(
        long offsetNanos,
        long heapUsed,
        long heapAfterGc,
        long allocatedBytes,
        long cpuNanos,
        double cpuPercent,
        long gcCount,
        long gcTimeMillis,
        int threads) {}
