package dev.costagent.core.focus;

/**
 * One data-quality finding: rows accepted although they break a rule of the FOCUS specification.
 *
 * @param rule what the specification asks, e.g. {@code NULL_IN_NON_NULLABLE_COLUMN}
 * @param column the column concerned
 * @param rowsAffected how many accepted rows break it
 * @param detail a short explanation
 */
public record DataQualityIssue(String rule, String column, long rowsAffected, String detail) {

    /** A mandatory column the input lacks. */
    public static final String MISSING_MANDATORY_COLUMN = "MISSING_MANDATORY_COLUMN";
    /** A null in a column the specification says must not be null. */
    public static final String NULL_IN_NON_NULLABLE_COLUMN = "NULL_IN_NON_NULLABLE_COLUMN";
}
