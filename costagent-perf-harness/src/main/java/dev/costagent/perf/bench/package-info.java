/**
 * Microbenchmarks: warm-up and measurement iterations of an operation, reported as nanoseconds per operation
 * with mean, median and confidence intervals, and comparable with a saved {@link dev.costagent.perf.baseline
 * baseline}.
 *
 * <p>The programmatic entry type is {@link dev.costagent.perf.bench.BenchmarkRunner}; JUnit tests use
 * {@link dev.costagent.perf.bench.Benchmark @Benchmark}. Operations receive a {@link dev.costagent.perf.Blackhole}
 * to consume results, so the JIT cannot eliminate the work being measured.
 */
package dev.costagent.perf.bench;
