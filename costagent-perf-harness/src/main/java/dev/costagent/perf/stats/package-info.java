/**
 * Small, exact statistics for performance measurements: order statistics ({@link dev.costagent.perf.stats.Stats}),
 * confidence intervals ({@link dev.costagent.perf.stats.ConfidenceInterval}), a seeded bootstrap
 * ({@link dev.costagent.perf.stats.Bootstrap}), the Mann–Whitney U test ({@link dev.costagent.perf.stats.MannWhitney})
 * and least-squares fits ({@link dev.costagent.perf.stats.LeastSquares}).
 *
 * <p>Everything here is deterministic for a given input and seed, so tests built on it are reproducible in CI.
 * The entry type is {@link dev.costagent.perf.stats.Stats}.
 */
package dev.costagent.perf.stats;
