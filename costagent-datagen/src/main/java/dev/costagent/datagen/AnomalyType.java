package dev.costagent.datagen;

/** The kinds of cost anomaly the generator can plant. */
public enum AnomalyType {
    /** Usage cost multiplied up on one day only. */
    SPIKE,
    /** Usage cost multiplied down on one day only. */
    DROP,
    /** Usage cost multiplied from one day to the end of the data. */
    LEVEL_SHIFT
}
