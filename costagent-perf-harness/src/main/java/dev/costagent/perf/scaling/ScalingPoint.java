package dev.costagent.perf.scaling;

/**
 * The measurement at one worker count.
 *
 * @param workers    concurrent workers
 * @param operations operations completed in the measured window
 * @param throughput operations per second
 * @param speedup    throughput relative to one worker
 * @param efficiency speedup / workers (1.0 is perfect linear scaling)
 */
public record ScalingPoint(int workers, long operations, double throughput, double speedup, double efficiency) {
}
