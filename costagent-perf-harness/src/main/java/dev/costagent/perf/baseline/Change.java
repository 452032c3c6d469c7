package dev.costagent.perf.baseline;

/** The outcome of comparing a run with its baseline. */
public enum Change {
    /** Significantly slower by more than the threshold. */
    REGRESSION,
    /** Significantly faster by more than the threshold. */
    IMPROVEMENT,
    /** No significant change beyond the threshold. */
    UNCHANGED,
    /** Not compared: no baseline yet (it was recorded), or comparison skipped across environments. */
    NOT_COMPARED
}
