package dev.costagent.perf.scaling;

/**
 * The measurement at one worker count.
 *
 * @param workers    concurrent workers
 * @param operations operations completed in the measured window
 * @param throughput operations per second
 * @param speedup    throughput relative to one worker
 * @param efficiency speedup / workers (1.0 is perfect linear scaling)
 * @param busyCores  CPU time the workers used per second of the window (at most the available processors; far
 *                   below the worker count means the work waits rather than computes); NaN when unmeasurable
 */
public record ScalingPoint(
        int workers, long operations, double throughput, double speedup, double efficiency, double busyCores) {}
