package dev.costagent.core.analysis.anomaly;

/**
 * One sub-dimension value behind an anomaly, e.g. the account or the resource that caused a service's spike.
 *
 * @param dimension the sub-dimension, e.g. {@code ResourceId}
 * @param value its value
 * @param actual its cost on the anomaly day (within the anomalous series)
 * @param expected its own seasonal expectation for that day
 * @param contribution actual − expected: its dollars of the anomaly's impact
 * @param shareOfImpact contribution / the anomaly's impact (sub-expectations are medians, so shares need not add up
 *     to exactly 1)
 */
public record RootCause(
        String dimension, String value, double actual, double expected, double contribution, double shareOfImpact) {}
