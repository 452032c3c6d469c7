/**
 * Resource budgets: heap (used, and after GC), allocated bytes (per-thread allocation counters, per operation),
 * CPU time (process, per operation), process CPU %, GC count and time, and threads, sampled while a measurement
 * runs and checked against {@link dev.costagent.perf.resource.ResourceLimits limits}.
 *
 * <p>The entry type is {@link dev.costagent.perf.resource.ResourceSampler}. During load runs
 * {@link dev.costagent.perf.resource.ResourceListener} (a harness {@link dev.costagent.perf.spi.PerfListener}) samples
 * automatically and attaches the {@link dev.costagent.perf.resource.ResourceUsage} to the result;
 * {@link dev.costagent.perf.resource.ResourceRequirements} turns limits into harness requirements. JUnit tests use
 * {@link dev.costagent.perf.junit.ResourceBudget @ResourceBudget}.
 *
 * <p>Allocation counters come from {@code com.sun.management.ThreadMXBean} (HotSpot and OpenJ9); where it is absent
 * allocation figures are reported as unknown, never as zero.
 */
package dev.costagent.perf.resource;
