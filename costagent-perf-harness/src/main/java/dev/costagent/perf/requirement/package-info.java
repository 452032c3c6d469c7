/**
 * Performance requirements and their evaluation: {@link dev.costagent.perf.requirement.Requirements} collects
 * built-in rules (percentiles, mean, max, error rate, throughput, spike recovery) and custom
 * {@link dev.costagent.perf.spi.Requirement}s; its {@link dev.costagent.perf.requirement.Evaluation} lists every
 * requirement, measured against required, and fails with all violations at once.
 */
package dev.costagent.perf.requirement;
