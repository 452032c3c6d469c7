package dev.costagent.core.focus;

/**
 * How the FOCUS specification requires a column in one version ("Feature level" in its column definitions).
 */
public enum FeatureLevel {
    /** Present in every conforming dataset. */
    MANDATORY,
    /** Should be present; a dataset may lack it. */
    RECOMMENDED,
    /** Present when the provider supports what it describes (e.g. commitment discounts); may be absent. */
    CONDITIONAL,
    /** Still accepted but replaced by another column (e.g. ProviderName in 1.3); may be absent. */
    DEPRECATED,
    /** Not part of this version (introduced later); a file may still carry it. */
    NOT_DEFINED;

    /** Whether a conforming dataset of the version must have the column. */
    public boolean required() {
        return this == MANDATORY;
    }
}
