/**
 * Baselines: benchmark samples saved as JSON together with the {@link dev.costagent.perf.baseline.EnvironmentFingerprint
 * environment} they were measured in, and compared statistically against a new run.
 *
 * <p>The entry type is {@link dev.costagent.perf.baseline.BaselineComparator}: a change counts as a regression (or an
 * improvement) only when it is statistically significant (bootstrap confidence interval of the ratio of medians
 * and/or Mann–Whitney U at α = 0.05) <em>and</em> larger than a threshold (default 10%). A baseline recorded on
 * another machine or JVM warns instead of failing unless configured otherwise. {@link
 * dev.costagent.perf.baseline.BaselineStore} reads and writes the files.
 */
package dev.costagent.perf.baseline;
