package dev.costagent.core.recommend.model;

/** How likely acting on a recommendation is to hurt a workload. */
public enum RiskLevel {
    /** Reversible with no expected impact. */
    LOW,
    /** Reversible, but a workload may notice. */
    MEDIUM,
    /** Hard to reverse, or a financial lock-in. */
    HIGH
}
