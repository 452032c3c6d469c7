/**
 * Scalability: a workload run at increasing worker counts (default 1..8), reported as throughput, speedup and
 * efficiency per count, with Amdahl's law (σ) and the Universal Scalability Law (σ, κ) fitted to the speedups
 * and the USL's predicted peak concurrency.
 *
 * <p>The programmatic entry type is {@link dev.costagent.perf.scaling.ScalabilityRunner}; JUnit tests use
 * {@link dev.costagent.perf.scaling.Scalability @Scalability}. Every result states
 * {@code Runtime.availableProcessors()}: CPU-bound work cannot speed up beyond the core count, and the harness
 * reports what it measured rather than hiding it.
 */
package dev.costagent.perf.scaling;
