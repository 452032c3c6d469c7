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
    AVAILABILITY_ZONE("AvailabilityZone", ColumnType.STRING, false),
    BILLED_COST("BilledCost", ColumnType.DECIMAL, true),
    BILLING_ACCOUNT_ID("BillingAccountId", ColumnType.STRING, true),
    BILLING_ACCOUNT_NAME("BillingAccountName", ColumnType.STRING, true),
    BILLING_CURRENCY("BillingCurrency", ColumnType.STRING, true),
    BILLING_PERIOD_END("BillingPeriodEnd", ColumnType.TIMESTAMP, true),
    BILLING_PERIOD_START("BillingPeriodStart", ColumnType.TIMESTAMP, true),
    CHARGE_CATEGORY("ChargeCategory", ColumnType.STRING, true),
    CHARGE_CLASS("ChargeClass", ColumnType.STRING, true),
    CHARGE_DESCRIPTION("ChargeDescription", ColumnType.STRING, true),
    CHARGE_FREQUENCY("ChargeFrequency", ColumnType.STRING, false),
    CHARGE_PERIOD_END("ChargePeriodEnd", ColumnType.TIMESTAMP, true),
    CHARGE_PERIOD_START("ChargePeriodStart", ColumnType.TIMESTAMP, true),
    COMMITMENT_DISCOUNT_CATEGORY("CommitmentDiscountCategory", ColumnType.STRING, false),
    COMMITMENT_DISCOUNT_ID("CommitmentDiscountId", ColumnType.STRING, false),
    COMMITMENT_DISCOUNT_NAME("CommitmentDiscountName", ColumnType.STRING, false),
    COMMITMENT_DISCOUNT_STATUS("CommitmentDiscountStatus", ColumnType.STRING, false),
    COMMITMENT_DISCOUNT_TYPE("CommitmentDiscountType", ColumnType.STRING, false),
    CONSUMED_QUANTITY("ConsumedQuantity", ColumnType.DECIMAL, false),
    CONSUMED_UNIT("ConsumedUnit", ColumnType.STRING, false),
    CONTRACTED_COST("ContractedCost", ColumnType.DECIMAL, true),
    CONTRACTED_UNIT_PRICE("ContractedUnitPrice", ColumnType.DECIMAL, false),
    EFFECTIVE_COST("EffectiveCost", ColumnType.DECIMAL, true),
    INVOICE_ISSUER_NAME("InvoiceIssuerName", ColumnType.STRING, true),
    LIST_COST("ListCost", ColumnType.DECIMAL, true),
    LIST_UNIT_PRICE("ListUnitPrice", ColumnType.DECIMAL, false),
    PRICING_CATEGORY("PricingCategory", ColumnType.STRING, false),
    PRICING_QUANTITY("PricingQuantity", ColumnType.DECIMAL, true),
    PRICING_UNIT("PricingUnit", ColumnType.STRING, true),
    PROVIDER_NAME("ProviderName", ColumnType.STRING, true),
    PUBLISHER_NAME("PublisherName", ColumnType.STRING, true),
    REGION_ID("RegionId", ColumnType.STRING, false),
    REGION_NAME("RegionName", ColumnType.STRING, false),
    RESOURCE_ID("ResourceId", ColumnType.STRING, false),
    RESOURCE_NAME("ResourceName", ColumnType.STRING, false),
    RESOURCE_TYPE("ResourceType", ColumnType.STRING, false),
    SERVICE_CATEGORY("ServiceCategory", ColumnType.STRING, true),
    SERVICE_NAME("ServiceName", ColumnType.STRING, true),
    SKU_ID("SkuId", ColumnType.STRING, false),
    SKU_PRICE_ID("SkuPriceId", ColumnType.STRING, false),
    SUB_ACCOUNT_ID("SubAccountId", ColumnType.STRING, false),
    SUB_ACCOUNT_NAME("SubAccountName", ColumnType.STRING, false),
    TAGS("Tags", ColumnType.TAGS, false);

    private static final Map<String, FocusColumn> BY_NAME = new HashMap<>();

    static {
        for (FocusColumn column : values()) {
            BY_NAME.put(column.columnName, column);
        }
    }

    private final String columnName;
    private final ColumnType type;
    private final boolean mandatory;

    FocusColumn(String columnName, ColumnType type, boolean mandatory) {
        this.columnName = columnName;
        this.type = type;
        this.mandatory = mandatory;
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
