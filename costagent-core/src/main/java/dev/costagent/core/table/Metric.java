package dev.costagent.core.table;

import dev.costagent.core.focus.FocusColumn;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The numeric FOCUS columns a {@link CostQuery} can sum. */
public enum Metric {
    EFFECTIVE_COST(FocusColumn.EFFECTIVE_COST),
    BILLED_COST(FocusColumn.BILLED_COST),
    LIST_COST(FocusColumn.LIST_COST),
    CONTRACTED_COST(FocusColumn.CONTRACTED_COST),
    PRICING_QUANTITY(FocusColumn.PRICING_QUANTITY),
    CONSUMED_QUANTITY(FocusColumn.CONSUMED_QUANTITY);

    private final FocusColumn column;

    Metric(FocusColumn column) {
        this.column = column;
    }

    /** The FOCUS column the metric reads. */
    public FocusColumn column() {
        return column;
    }

    /** Whether the metric is money (a cost in BillingCurrency) rather than a quantity. */
    public boolean isCost() {
        return this != PRICING_QUANTITY && this != CONSUMED_QUANTITY;
    }

    /** The FOCUS column name, e.g. {@code EffectiveCost}. */
    public String columnName() {
        return column.columnName();
    }

    /**
     * The metric named by its FOCUS column name ({@code EffectiveCost}), case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values when the name is unknown
     */
    public static Metric parse(String name) {
        for (Metric metric : values()) {
            if (metric.columnName().equalsIgnoreCase(name.trim())
                    || metric.name().equalsIgnoreCase(name.trim())) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Metric::columnName).collect(Collectors.joining(", ")));
    }
}
