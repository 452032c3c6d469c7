package dev.costagent.core.focus;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The FOCUS 1.0–1.2 columns costagent understands, with their value type and whether the specification makes them
 * mandatory. Column names are matched exactly as the specification spells them; columns not listed here (including
 * provider {@code x_} columns) are kept by name as {@link ColumnType#STRING}.
 */
public enum FocusColumn {
    AVAILABILITY_ZONE("AvailabilityZone", ColumnType.STRING, false, true),
    BILLED_COST("BilledCost", ColumnType.DECIMAL, true, false),
    BILLING_ACCOUNT_ID("BillingAccountId", ColumnType.STRING, true, false),
    BILLING_ACCOUNT_NAME("BillingAccountName", ColumnType.STRING, true, true),
    BILLING_CURRENCY("BillingCurrency", ColumnType.STRING, true, false),
    BILLING_PERIOD_END("BillingPeriodEnd", ColumnType.TIMESTAMP, true, false),
    BILLING_PERIOD_START("BillingPeriodStart", ColumnType.TIMESTAMP, true, false),
    CHARGE_CATEGORY("ChargeCategory", ColumnType.STRING, true, false),
    CHARGE_CLASS("ChargeClass", ColumnType.STRING, true, true),
    CHARGE_DESCRIPTION("ChargeDescription", ColumnType.STRING, true, true),
    CHARGE_FREQUENCY("ChargeFrequency", ColumnType.STRING, false, true),
    CHARGE_PERIOD_END("ChargePeriodEnd", ColumnType.TIMESTAMP, true, false),
    CHARGE_PERIOD_START("ChargePeriodStart", ColumnType.TIMESTAMP, true, false),
    COMMITMENT_DISCOUNT_CATEGORY("CommitmentDiscountCategory", ColumnType.STRING, false, true),
    COMMITMENT_DISCOUNT_ID("CommitmentDiscountId", ColumnType.STRING, false, true),
    COMMITMENT_DISCOUNT_NAME("CommitmentDiscountName", ColumnType.STRING, false, true),
    COMMITMENT_DISCOUNT_STATUS("CommitmentDiscountStatus", ColumnType.STRING, false, true),
    COMMITMENT_DISCOUNT_TYPE("CommitmentDiscountType", ColumnType.STRING, false, true),
    CONSUMED_QUANTITY("ConsumedQuantity", ColumnType.DECIMAL, false, true),
    CONSUMED_UNIT("ConsumedUnit", ColumnType.STRING, false, true),
    CONTRACTED_COST("ContractedCost", ColumnType.DECIMAL, true, false),
    CONTRACTED_UNIT_PRICE("ContractedUnitPrice", ColumnType.DECIMAL, false, true),
    EFFECTIVE_COST("EffectiveCost", ColumnType.DECIMAL, true, false),
    INVOICE_ISSUER_NAME("InvoiceIssuerName", ColumnType.STRING, true, false),
    LIST_COST("ListCost", ColumnType.DECIMAL, true, false),
    LIST_UNIT_PRICE("ListUnitPrice", ColumnType.DECIMAL, false, true),
    PRICING_CATEGORY("PricingCategory", ColumnType.STRING, false, true),
    PRICING_QUANTITY("PricingQuantity", ColumnType.DECIMAL, true, true),
    PRICING_UNIT("PricingUnit", ColumnType.STRING, true, true),
    PROVIDER_NAME("ProviderName", ColumnType.STRING, true, false),
    PUBLISHER_NAME("PublisherName", ColumnType.STRING, true, false),
    REGION_ID("RegionId", ColumnType.STRING, false, true),
    REGION_NAME("RegionName", ColumnType.STRING, false, true),
    RESOURCE_ID("ResourceId", ColumnType.STRING, false, true),
    RESOURCE_NAME("ResourceName", ColumnType.STRING, false, true),
    RESOURCE_TYPE("ResourceType", ColumnType.STRING, false, true),
    SERVICE_CATEGORY("ServiceCategory", ColumnType.STRING, true, false),
    SERVICE_NAME("ServiceName", ColumnType.STRING, true, false),
    SKU_ID("SkuId", ColumnType.STRING, false, true),
    SKU_PRICE_ID("SkuPriceId", ColumnType.STRING, false, true),
    SUB_ACCOUNT_ID("SubAccountId", ColumnType.STRING, false, true),
    SUB_ACCOUNT_NAME("SubAccountName", ColumnType.STRING, false, true),
    TAGS("Tags", ColumnType.TAGS, false, true);

    private static final Map<String, FocusColumn> BY_NAME = new HashMap<>();

    static {
        for (FocusColumn column : values()) {
            BY_NAME.put(column.columnName, column);
        }
    }

    private final String columnName;
    private final ColumnType type;
    private final boolean mandatory;
    private final boolean nullable;

    FocusColumn(String columnName, ColumnType type, boolean mandatory, boolean nullable) {
        this.columnName = columnName;
        this.type = type;
        this.mandatory = mandatory;
        this.nullable = nullable;
    }

    /** The column's name exactly as the FOCUS specification spells it, e.g. {@code BilledCost}. */
    public String columnName() {
        return columnName;
    }

    /** The column's value type. */
    public ColumnType type() {
        return type;
    }

    /** Whether FOCUS 1.0 makes the column mandatory (present in every conforming dataset). */
    public boolean mandatory() {
        return mandatory;
    }

    /**
     * Whether FOCUS 1.0 allows nulls in the column. A null in a non-nullable column is accepted on read (real exports
     * have them, e.g. Oracle's ContractedCost) and counted in the data-quality report.
     */
    public boolean nullable() {
        return nullable;
    }

    /** The column with this exact FOCUS name, if it is one costagent knows. */
    public static Optional<FocusColumn> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    @Override
    public String toString() {
        return columnName;
    }

    /** A lower-case identifier, handy for configuration keys. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
