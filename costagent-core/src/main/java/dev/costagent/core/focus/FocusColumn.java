package dev.costagent.core.focus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The FOCUS 1.0–1.3 columns costagent understands: value type, the version that introduced each, its feature level in
 * every version and whether it allows nulls, as the specification's column definitions give them. Column names are
 * matched exactly as the specification spells them; columns not listed here (including provider {@code x_} columns)
 * are kept by name as {@link ColumnType#STRING}.
 *
 * <p>The FOCUS 1.0 columns come first, in name order; later versions' columns follow, grouped by version, so that the
 * 1.0 ordinals (which {@link FocusCsvWriter} uses as cell positions) never move. JSON columns other than Tags
 * (SkuPriceDetails, AllocatedMethodDetails, AllocatedTags, ContractApplied) are kept as text.
 *
 * <p>Levels are written per version, 1.0 to 1.3: {@code M} mandatory, {@code R} recommended, {@code C} conditional,
 * {@code D} deprecated, {@code -} not yet defined.
 */
public enum FocusColumn {
    AVAILABILITY_ZONE("AvailabilityZone", ColumnType.STRING, "RRRR", true),
    BILLED_COST("BilledCost", ColumnType.DECIMAL, "MMMM", false),
    BILLING_ACCOUNT_ID("BillingAccountId", ColumnType.STRING, "MMMM", false),
    BILLING_ACCOUNT_NAME("BillingAccountName", ColumnType.STRING, "MMMM", true),
    BILLING_CURRENCY("BillingCurrency", ColumnType.STRING, "MMMM", false),
    BILLING_PERIOD_END("BillingPeriodEnd", ColumnType.TIMESTAMP, "MMMM", false),
    BILLING_PERIOD_START("BillingPeriodStart", ColumnType.TIMESTAMP, "MMMM", false),
    CHARGE_CATEGORY("ChargeCategory", ColumnType.STRING, "MMMM", false),
    CHARGE_CLASS("ChargeClass", ColumnType.STRING, "MMMM", true),
    CHARGE_DESCRIPTION("ChargeDescription", ColumnType.STRING, "MMMM", true),
    CHARGE_FREQUENCY("ChargeFrequency", ColumnType.STRING, "RRRR", true),
    CHARGE_PERIOD_END("ChargePeriodEnd", ColumnType.TIMESTAMP, "MMMM", false),
    CHARGE_PERIOD_START("ChargePeriodStart", ColumnType.TIMESTAMP, "MMMM", false),
    COMMITMENT_DISCOUNT_CATEGORY("CommitmentDiscountCategory", ColumnType.STRING, "CCCC", true),
    COMMITMENT_DISCOUNT_ID("CommitmentDiscountId", ColumnType.STRING, "CCCC", true),
    COMMITMENT_DISCOUNT_NAME("CommitmentDiscountName", ColumnType.STRING, "CCCC", true),
    COMMITMENT_DISCOUNT_STATUS("CommitmentDiscountStatus", ColumnType.STRING, "CCCC", true),
    COMMITMENT_DISCOUNT_TYPE("CommitmentDiscountType", ColumnType.STRING, "CCCC", true),
    CONSUMED_QUANTITY("ConsumedQuantity", ColumnType.DECIMAL, "CCCC", true),
    CONSUMED_UNIT("ConsumedUnit", ColumnType.STRING, "CCCC", true),
    CONTRACTED_COST("ContractedCost", ColumnType.DECIMAL, "MMMM", false),
    CONTRACTED_UNIT_PRICE("ContractedUnitPrice", ColumnType.DECIMAL, "CCCC", true),
    EFFECTIVE_COST("EffectiveCost", ColumnType.DECIMAL, "MMMM", false),
    INVOICE_ISSUER_NAME("InvoiceIssuerName", ColumnType.STRING, "MMMM", false),
    LIST_COST("ListCost", ColumnType.DECIMAL, "MMMM", false),
    LIST_UNIT_PRICE("ListUnitPrice", ColumnType.DECIMAL, "CCCC", true),
    PRICING_CATEGORY("PricingCategory", ColumnType.STRING, "CCCC", true),
    PRICING_QUANTITY("PricingQuantity", ColumnType.DECIMAL, "MMMM", true),
    PRICING_UNIT("PricingUnit", ColumnType.STRING, "MMMM", true),
    PROVIDER_NAME("ProviderName", ColumnType.STRING, "MMMD", false),
    PUBLISHER_NAME("PublisherName", ColumnType.STRING, "MMMD", false),
    REGION_ID("RegionId", ColumnType.STRING, "CCCC", true),
    REGION_NAME("RegionName", ColumnType.STRING, "CCCC", true),
    RESOURCE_ID("ResourceId", ColumnType.STRING, "CCCC", true),
    RESOURCE_NAME("ResourceName", ColumnType.STRING, "CCCC", true),
    RESOURCE_TYPE("ResourceType", ColumnType.STRING, "CCCC", true),
    SERVICE_CATEGORY("ServiceCategory", ColumnType.STRING, "MMMM", false),
    SERVICE_NAME("ServiceName", ColumnType.STRING, "MMMM", false),
    SKU_ID("SkuId", ColumnType.STRING, "CCCC", true),
    SKU_PRICE_ID("SkuPriceId", ColumnType.STRING, "CCCC", true),
    SUB_ACCOUNT_ID("SubAccountId", ColumnType.STRING, "CCCC", true),
    SUB_ACCOUNT_NAME("SubAccountName", ColumnType.STRING, "CCCC", true),
    TAGS("Tags", ColumnType.TAGS, "CCCC", true),
    // Introduced in 1.1.
    CAPACITY_RESERVATION_ID("CapacityReservationId", ColumnType.STRING, "-CCC", true),
    CAPACITY_RESERVATION_STATUS("CapacityReservationStatus", ColumnType.STRING, "-CCC", true),
    COMMITMENT_DISCOUNT_QUANTITY("CommitmentDiscountQuantity", ColumnType.DECIMAL, "-CCC", true),
    COMMITMENT_DISCOUNT_UNIT("CommitmentDiscountUnit", ColumnType.STRING, "-CCC", true),
    SERVICE_SUBCATEGORY("ServiceSubcategory", ColumnType.STRING, "-RRR", false),
    SKU_METER("SkuMeter", ColumnType.STRING, "-CCC", true),
    SKU_PRICE_DETAILS("SkuPriceDetails", ColumnType.STRING, "-CCC", true),
    // Introduced in 1.2.
    BILLING_ACCOUNT_TYPE("BillingAccountType", ColumnType.STRING, "--CC", false),
    SUB_ACCOUNT_TYPE("SubAccountType", ColumnType.STRING, "--CC", true),
    INVOICE_ID("InvoiceId", ColumnType.STRING, "--RR", true),
    PRICING_CURRENCY("PricingCurrency", ColumnType.STRING, "--CC", true),
    PRICING_CURRENCY_CONTRACTED_UNIT_PRICE("PricingCurrencyContractedUnitPrice", ColumnType.DECIMAL, "--CC", true),
    PRICING_CURRENCY_EFFECTIVE_COST("PricingCurrencyEffectiveCost", ColumnType.DECIMAL, "--CC", true),
    PRICING_CURRENCY_LIST_UNIT_PRICE("PricingCurrencyListUnitPrice", ColumnType.DECIMAL, "--CC", true),
    // Introduced in 1.3.
    ALLOCATED_METHOD_DETAILS("AllocatedMethodDetails", ColumnType.STRING, "---C", true),
    ALLOCATED_METHOD_ID("AllocatedMethodId", ColumnType.STRING, "---C", true),
    ALLOCATED_RESOURCE_ID("AllocatedResourceId", ColumnType.STRING, "---C", true),
    ALLOCATED_RESOURCE_NAME("AllocatedResourceName", ColumnType.STRING, "---C", true),
    ALLOCATED_TAGS("AllocatedTags", ColumnType.STRING, "---C", true),
    CONTRACT_APPLIED("ContractApplied", ColumnType.STRING, "---C", true),
    HOST_PROVIDER_NAME("HostProviderName", ColumnType.STRING, "---M", true),
    SERVICE_PROVIDER_NAME("ServiceProviderName", ColumnType.STRING, "---M", false);

    private static final Map<String, FocusColumn> BY_NAME = new HashMap<>();
    private static final Map<FocusVersion, List<FocusColumn>> BY_VERSION = new EnumMap<>(FocusVersion.class);

    static {
        for (FocusColumn column : values()) {
            BY_NAME.put(column.columnName, column);
        }
        for (FocusVersion version : FocusVersion.values()) {
            List<FocusColumn> columns = new ArrayList<>();
            for (FocusColumn column : values()) {
                if (column.level(version) != FeatureLevel.NOT_DEFINED) {
                    columns.add(column);
                }
            }
            BY_VERSION.put(version, Collections.unmodifiableList(columns));
        }
    }

    private final String columnName;
    private final ColumnType type;
    private final FeatureLevel[] levels;
    private final boolean nullable;

    FocusColumn(String columnName, ColumnType type, String levels, boolean nullable) {
        this.columnName = columnName;
        this.type = type;
        this.levels = new FeatureLevel[levels.length()];
        for (int i = 0; i < levels.length(); i++) {
            this.levels[i] = switch (levels.charAt(i)) {
                case 'M' -> FeatureLevel.MANDATORY;
                case 'R' -> FeatureLevel.RECOMMENDED;
                case 'C' -> FeatureLevel.CONDITIONAL;
                case 'D' -> FeatureLevel.DEPRECATED;
                case '-' -> FeatureLevel.NOT_DEFINED;
                default -> throw new IllegalArgumentException("level " + levels.charAt(i));
            };
        }
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

    /** The column's feature level in a version ({@link FeatureLevel#NOT_DEFINED} before it was introduced). */
    public FeatureLevel level(FocusVersion version) {
        return levels[version.ordinal()];
    }

    /** The version that introduced the column (1.0 for every column FOCUS 1.0 has). */
    public FocusVersion since() {
        for (FocusVersion version : FocusVersion.values()) {
            if (level(version) != FeatureLevel.NOT_DEFINED) {
                return version;
            }
        }
        throw new AssertionError(columnName);
    }

    /** Whether a conforming dataset of this version must have the column. */
    public boolean mandatory(FocusVersion version) {
        return level(version).required();
    }

    /** Whether FOCUS 1.0 makes the column mandatory (present in every conforming dataset). */
    public boolean mandatory() {
        return mandatory(FocusVersion.V1_0);
    }

    /**
     * Whether FOCUS allows nulls in the column. A null in a non-nullable column is accepted on read (real exports
     * have them, e.g. Oracle's ContractedCost) and counted in the data-quality report.
     */
    public boolean nullable() {
        return nullable;
    }

    /** The columns a version defines, in enum order (for 1.0: the 43 columns of FOCUS 1.0, in name order). */
    public static List<FocusColumn> definedIn(FocusVersion version) {
        return BY_VERSION.get(version);
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

    /** The values FOCUS allows in this column, or an empty list when it does not enumerate them. */
    public java.util.List<String> allowedValues() {
        return AllowedValues.of(this);
    }
}
