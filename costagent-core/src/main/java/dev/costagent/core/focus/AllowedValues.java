package dev.costagent.core.focus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The allowed values FOCUS 1.0–1.2 gives for its enumerated columns, checked into the data-quality report (real
 * exports break them, e.g. an older {@code On-Demand} PricingCategory; the rows stay). CommitmentDiscountType is
 * provider-assigned text in the specification, so it has no set here.
 */
final class AllowedValues {

    /** A value outside the column's allowed set. */
    static final String RULE = DataQualityIssue.VALUE_NOT_ALLOWED;

    private static final Map<FocusColumn, List<String>> ALLOWED = Map.of(
            FocusColumn.CHARGE_CATEGORY, List.of("Usage", "Purchase", "Tax", "Credit", "Adjustment"),
            FocusColumn.CHARGE_CLASS, List.of("Correction"),
            FocusColumn.CHARGE_FREQUENCY, List.of("One-Time", "Recurring", "Usage-Based"),
            FocusColumn.PRICING_CATEGORY, List.of("Standard", "Dynamic", "Committed", "Other"),
            FocusColumn.COMMITMENT_DISCOUNT_CATEGORY, List.of("Spend", "Usage"),
            FocusColumn.COMMITMENT_DISCOUNT_STATUS, List.of("Used", "Unused"),
            FocusColumn.CAPACITY_RESERVATION_STATUS, List.of("Used", "Unused"),
            FocusColumn.SERVICE_CATEGORY,
                    List.of(
                            "AI and Machine Learning",
                            "Analytics",
                            "Business Applications",
                            "Compute",
                            "Databases",
                            "Developer Tools",
                            "Multicloud",
                            "Identity",
                            "Integration",
                            "Internet of Things",
                            "Management and Governance",
                            "Media",
                            "Migration",
                            "Mobile",
                            "Networking",
                            "Security",
                            "Storage",
                            "Web",
                            "Other"));

    private AllowedValues() {}

    /** The allowed values of a column, or an empty list when FOCUS does not enumerate them. */
    static List<String> of(FocusColumn column) {
        return ALLOWED.getOrDefault(column, List.of());
    }

    /** The rules for the enumerated columns a header has, in column order. */
    static RecordValidator.ValueRule[] rulesFor(FocusHeader header) {
        List<RecordValidator.ValueRule> rules = new ArrayList<>();
        for (FocusColumn column : FocusColumn.values()) {
            List<String> allowed = of(column);
            if (!allowed.isEmpty() && header.has(column)) {
                rules.add(new RecordValidator.ValueRule(
                        RULE,
                        column.columnName(),
                        header.field(column),
                        allowed,
                        DataQualityIssue.valueNotAllowedDetail(allowed)));
            }
        }
        return rules.toArray(new RecordValidator.ValueRule[0]);
    }
}
