package dev.costagent.core.focus;

/**
 * One data-quality finding: rows accepted although they break a rule of the FOCUS specification.
 *
 * @param rule the rule's id, e.g. {@code NULL_IN_NON_NULLABLE_COLUMN}
 * @param column the column concerned
 * @param rowsAffected how many accepted rows break it
 * @param detail a short explanation
 * @param example one offending value as the input has it, or {@code null} when the rule has none to show (a missing
 *     column, a null)
 */
public record DataQualityIssue(String rule, String column, long rowsAffected, String detail, String example) {

    /** A mandatory column the input lacks. */
    public static final String MISSING_MANDATORY_COLUMN = "MISSING_MANDATORY_COLUMN";
    /** A null in a column the specification says must not be null. */
    public static final String NULL_IN_NON_NULLABLE_COLUMN = "NULL_IN_NON_NULLABLE_COLUMN";
    /** A value outside the column's allowed set (ChargeCategory, PricingCategory, ServiceCategory, ...). */
    public static final String VALUE_NOT_ALLOWED = "VALUE_NOT_ALLOWED";
    /** ChargePeriodEnd equal to ChargePeriodStart: FOCUS wants the end after the start (earlier ends are rejected). */
    public static final String CHARGE_PERIOD_END_NOT_AFTER_START = "CHARGE_PERIOD_END_NOT_AFTER_START";

    /** The detail of a {@link #VALUE_NOT_ALLOWED} finding, naming the allowed set, as every engine words it. */
    public static String valueNotAllowedDetail(java.util.List<String> allowed) {
        return "value outside FOCUS's allowed set " + allowed + "; rows kept";
    }

    /** A mandatory column absent from the input, over the rows read, as every engine words it. */
    public static DataQualityIssue missingMandatoryColumn(String column, long rows) {
        return new DataQualityIssue(
                MISSING_MANDATORY_COLUMN, column, rows, "mandatory FOCUS column absent from the input");
    }

    /** Nulls in a column FOCUS requires a value in, as every engine words it. */
    public static DataQualityIssue nullInNonNullableColumn(String column, long rows) {
        return new DataQualityIssue(
                NULL_IN_NON_NULLABLE_COLUMN,
                column,
                rows,
                "FOCUS requires a value; rows kept, the null counts as absent in " + column + " only");
    }

    /** Charge periods ending at their start, with the first one's period as the example, as every engine words it. */
    public static DataQualityIssue chargePeriodEndNotAfterStart(long rows, String example) {
        return new DataQualityIssue(
                CHARGE_PERIOD_END_NOT_AFTER_START,
                FocusColumn.CHARGE_PERIOD_END.columnName(),
                rows,
                "ChargePeriodEnd equals ChargePeriodStart; FOCUS wants the end after the start; rows kept",
                example);
    }

    /** A finding without an example value. */
    public DataQualityIssue(String rule, String column, long rowsAffected, String detail) {
        this(rule, column, rowsAffected, detail, null);
    }
}
