package dev.costagent.core.analysis.anomaly;

/** Whether an anomaly is a rise or a drop in spend: the two are reported apart, never in one ranked list. */
public enum AnomalyKind {
    /** Spend above the expectation: money possibly wasted. */
    RISE,
    /** Spend below the expectation: a stopped workload, a lost data feed, or a saving that took effect. */
    DROP
}
