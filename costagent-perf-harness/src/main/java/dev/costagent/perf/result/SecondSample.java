package dev.costagent.perf.result;

import java.util.Map;

/**
 * One second of a run's series. Second {@code 0} covers the first second of the measured phase; the last sample may
 * cover less than a second. Latencies are response times (from the intended start) in nanoseconds; completions are
 * attributed to the second in which they were collected.
 *
 * @param second        index from the start of the measured phase
 * @param intervalNanos the length of the interval this sample covers (one second except, perhaps, the last)
 * @param completed     operations finished in the interval, failed ones included
 * @param errors        operations that failed in the interval
 * @param dropped       starts dropped in the interval (open model only)
 * @param concurrency   operations in flight when the interval ended
 * @param p50Nanos      median response time in the interval; 0 when nothing completed
 * @param p95Nanos      95th percentile response time
 * @param p99Nanos      99th percentile response time
 * @param maxNanos      slowest response time
 * @param meanNanos     mean response time
 * @param probes        each probe's value sampled at the end of the interval, by probe name; open runs also
 *                      record {@value #OPEN_WAITING}
 */
public record SecondSample(
        int second,
        long intervalNanos,
        long completed,
        long errors,
        long dropped,
        int concurrency,
        long p50Nanos,
        long p95Nanos,
        long p99Nanos,
        long maxNanos,
        double meanNanos,
        Map<String, Double> probes) {

    /** The gauge open runs add to every second: starts that are due but still waiting for a free worker. */
    public static final String OPEN_WAITING = "open.waiting";

    /** Copies the probe map. */
    public SecondSample {
        probes = Map.copyOf(probes);
    }

    /** Completions per second in this interval. */
    public double throughput() {
        return intervalNanos == 0 ? 0 : completed * 1e9 / intervalNanos;
    }

    /** Offset of the interval's start from the start of the measured phase, in nanoseconds. */
    public long startNanos() {
        return second * 1_000_000_000L;
    }
}
