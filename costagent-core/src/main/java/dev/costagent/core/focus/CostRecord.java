package dev.costagent.core.focus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One FOCUS billing row, with FOCUS 1.0–1.2 column names. A {@code null} component means the column was null or
 * absent. Decimals are exact ({@link BigDecimal}), as the specification defines them.
 *
 * @param availabilityZone FOCUS AvailabilityZone
 * @param billedCost FOCUS BilledCost
 * @param billingAccountId FOCUS BillingAccountId
 * @param billingAccountName FOCUS BillingAccountName
 * @param billingCurrency FOCUS BillingCurrency
 * @param billingPeriodEnd FOCUS BillingPeriodEnd
 * @param billingPeriodStart FOCUS BillingPeriodStart
 * @param chargeCategory FOCUS ChargeCategory
 * @param chargeClass FOCUS ChargeClass
 * @param chargeDescription FOCUS ChargeDescription
 * @param chargeFrequency FOCUS ChargeFrequency
 * @param chargePeriodEnd FOCUS ChargePeriodEnd
 * @param chargePeriodStart FOCUS ChargePeriodStart
 * @param commitmentDiscountCategory FOCUS CommitmentDiscountCategory
 * @param commitmentDiscountId FOCUS CommitmentDiscountId
 * @param commitmentDiscountName FOCUS CommitmentDiscountName
 * @param commitmentDiscountStatus FOCUS CommitmentDiscountStatus
 * @param commitmentDiscountType FOCUS CommitmentDiscountType
 * @param consumedQuantity FOCUS ConsumedQuantity
 * @param consumedUnit FOCUS ConsumedUnit
 * @param contractedCost FOCUS ContractedCost
 * @param contractedUnitPrice FOCUS ContractedUnitPrice
 * @param effectiveCost FOCUS EffectiveCost
 * @param invoiceIssuerName FOCUS InvoiceIssuerName
 * @param listCost FOCUS ListCost
 * @param listUnitPrice FOCUS ListUnitPrice
 * @param pricingCategory FOCUS PricingCategory
 * @param pricingQuantity FOCUS PricingQuantity
 * @param pricingUnit FOCUS PricingUnit
 * @param providerName FOCUS ProviderName
 * @param publisherName FOCUS PublisherName
 * @param regionId FOCUS RegionId
 * @param regionName FOCUS RegionName
 * @param resourceId FOCUS ResourceId
 * @param resourceName FOCUS ResourceName
 * @param resourceType FOCUS ResourceType
 * @param serviceCategory FOCUS ServiceCategory
 * @param serviceName FOCUS ServiceName
 * @param skuId FOCUS SkuId
 * @param skuPriceId FOCUS SkuPriceId
 * @param subAccountId FOCUS SubAccountId
 * @param subAccountName FOCUS SubAccountName
 * @param tags FOCUS Tags, key to value (a JSON null, number or boolean is kept as its text; null stays null)
 * @param extra columns outside FOCUS (e.g. provider {@code x_} columns, {@code Id}), by header name
 */
public record CostRecord(
        String availabilityZone,
        BigDecimal billedCost,
        String billingAccountId,
        String billingAccountName,
        String billingCurrency,
        Instant billingPeriodEnd,
        Instant billingPeriodStart,
        String chargeCategory,
        String chargeClass,
        String chargeDescription,
        String chargeFrequency,
        Instant chargePeriodEnd,
        Instant chargePeriodStart,
        String commitmentDiscountCategory,
        String commitmentDiscountId,
        String commitmentDiscountName,
        String commitmentDiscountStatus,
        String commitmentDiscountType,
        BigDecimal consumedQuantity,
        String consumedUnit,
        BigDecimal contractedCost,
        BigDecimal contractedUnitPrice,
        BigDecimal effectiveCost,
        String invoiceIssuerName,
        BigDecimal listCost,
        BigDecimal listUnitPrice,
        String pricingCategory,
        BigDecimal pricingQuantity,
        String pricingUnit,
        String providerName,
        String publisherName,
        String regionId,
        String regionName,
        String resourceId,
        String resourceName,
        String resourceType,
        String serviceCategory,
        String serviceName,
        String skuId,
        String skuPriceId,
        String subAccountId,
        String subAccountName,
        Map<String, String> tags,
        Map<String, String> extra) {

    /** Copies the maps. */
    public CostRecord {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /**
     * The value of a FOCUS column: a {@link String}, {@link BigDecimal}, {@link Instant} or, for Tags, the
     * tags {@code Map}; {@code null} when the record has none.
     */
    public Object value(FocusColumn column) {
        return switch (column) {
            case AVAILABILITY_ZONE -> availabilityZone();
            case BILLED_COST -> billedCost();
            case BILLING_ACCOUNT_ID -> billingAccountId();
            case BILLING_ACCOUNT_NAME -> billingAccountName();
            case BILLING_CURRENCY -> billingCurrency();
            case BILLING_PERIOD_END -> billingPeriodEnd();
            case BILLING_PERIOD_START -> billingPeriodStart();
            case CHARGE_CATEGORY -> chargeCategory();
            case CHARGE_CLASS -> chargeClass();
            case CHARGE_DESCRIPTION -> chargeDescription();
            case CHARGE_FREQUENCY -> chargeFrequency();
            case CHARGE_PERIOD_END -> chargePeriodEnd();
            case CHARGE_PERIOD_START -> chargePeriodStart();
            case COMMITMENT_DISCOUNT_CATEGORY -> commitmentDiscountCategory();
            case COMMITMENT_DISCOUNT_ID -> commitmentDiscountId();
            case COMMITMENT_DISCOUNT_NAME -> commitmentDiscountName();
            case COMMITMENT_DISCOUNT_STATUS -> commitmentDiscountStatus();
            case COMMITMENT_DISCOUNT_TYPE -> commitmentDiscountType();
            case CONSUMED_QUANTITY -> consumedQuantity();
            case CONSUMED_UNIT -> consumedUnit();
            case CONTRACTED_COST -> contractedCost();
            case CONTRACTED_UNIT_PRICE -> contractedUnitPrice();
            case EFFECTIVE_COST -> effectiveCost();
            case INVOICE_ISSUER_NAME -> invoiceIssuerName();
            case LIST_COST -> listCost();
            case LIST_UNIT_PRICE -> listUnitPrice();
            case PRICING_CATEGORY -> pricingCategory();
            case PRICING_QUANTITY -> pricingQuantity();
            case PRICING_UNIT -> pricingUnit();
            case PROVIDER_NAME -> providerName();
            case PUBLISHER_NAME -> publisherName();
            case REGION_ID -> regionId();
            case REGION_NAME -> regionName();
            case RESOURCE_ID -> resourceId();
            case RESOURCE_NAME -> resourceName();
            case RESOURCE_TYPE -> resourceType();
            case SERVICE_CATEGORY -> serviceCategory();
            case SERVICE_NAME -> serviceName();
            case SKU_ID -> skuId();
            case SKU_PRICE_ID -> skuPriceId();
            case SUB_ACCOUNT_ID -> subAccountId();
            case SUB_ACCOUNT_NAME -> subAccountName();
            case TAGS -> tags();
            default -> null;
        };
    }

    /** A builder with every column null. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        return new Builder()
                .availabilityZone(availabilityZone)
                .billedCost(billedCost)
                .billingAccountId(billingAccountId)
                .billingAccountName(billingAccountName)
                .billingCurrency(billingCurrency)
                .billingPeriodEnd(billingPeriodEnd)
                .billingPeriodStart(billingPeriodStart)
                .chargeCategory(chargeCategory)
                .chargeClass(chargeClass)
                .chargeDescription(chargeDescription)
                .chargeFrequency(chargeFrequency)
                .chargePeriodEnd(chargePeriodEnd)
                .chargePeriodStart(chargePeriodStart)
                .commitmentDiscountCategory(commitmentDiscountCategory)
                .commitmentDiscountId(commitmentDiscountId)
                .commitmentDiscountName(commitmentDiscountName)
                .commitmentDiscountStatus(commitmentDiscountStatus)
                .commitmentDiscountType(commitmentDiscountType)
                .consumedQuantity(consumedQuantity)
                .consumedUnit(consumedUnit)
                .contractedCost(contractedCost)
                .contractedUnitPrice(contractedUnitPrice)
                .effectiveCost(effectiveCost)
                .invoiceIssuerName(invoiceIssuerName)
                .listCost(listCost)
                .listUnitPrice(listUnitPrice)
                .pricingCategory(pricingCategory)
                .pricingQuantity(pricingQuantity)
                .pricingUnit(pricingUnit)
                .providerName(providerName)
                .publisherName(publisherName)
                .regionId(regionId)
                .regionName(regionName)
                .resourceId(resourceId)
                .resourceName(resourceName)
                .resourceType(resourceType)
                .serviceCategory(serviceCategory)
                .serviceName(serviceName)
                .skuId(skuId)
                .skuPriceId(skuPriceId)
                .subAccountId(subAccountId)
                .subAccountName(subAccountName)
                .tags(tags)
                .extra(extra);
    }

    /** Builds a {@link CostRecord}. */
    public static final class Builder {
        private String availabilityZone;
        private BigDecimal billedCost;
        private String billingAccountId;
        private String billingAccountName;
        private String billingCurrency;
        private Instant billingPeriodEnd;
        private Instant billingPeriodStart;
        private String chargeCategory;
        private String chargeClass;
        private String chargeDescription;
        private String chargeFrequency;
        private Instant chargePeriodEnd;
        private Instant chargePeriodStart;
        private String commitmentDiscountCategory;
        private String commitmentDiscountId;
        private String commitmentDiscountName;
        private String commitmentDiscountStatus;
        private String commitmentDiscountType;
        private BigDecimal consumedQuantity;
        private String consumedUnit;
        private BigDecimal contractedCost;
        private BigDecimal contractedUnitPrice;
        private BigDecimal effectiveCost;
        private String invoiceIssuerName;
        private BigDecimal listCost;
        private BigDecimal listUnitPrice;
        private String pricingCategory;
        private BigDecimal pricingQuantity;
        private String pricingUnit;
        private String providerName;
        private String publisherName;
        private String regionId;
        private String regionName;
        private String resourceId;
        private String resourceName;
        private String resourceType;
        private String serviceCategory;
        private String serviceName;
        private String skuId;
        private String skuPriceId;
        private String subAccountId;
        private String subAccountName;
        private Map<String, String> tags = new LinkedHashMap<>();
        private Map<String, String> extra = new LinkedHashMap<>();

        private Builder() {}

        /** Sets AvailabilityZone. */
        public Builder availabilityZone(String value) {
            this.availabilityZone = value;
            return this;
        }

        /** Sets BilledCost. */
        public Builder billedCost(BigDecimal value) {
            this.billedCost = value;
            return this;
        }

        /** Sets BillingAccountId. */
        public Builder billingAccountId(String value) {
            this.billingAccountId = value;
            return this;
        }

        /** Sets BillingAccountName. */
        public Builder billingAccountName(String value) {
            this.billingAccountName = value;
            return this;
        }

        /** Sets BillingCurrency. */
        public Builder billingCurrency(String value) {
            this.billingCurrency = value;
            return this;
        }

        /** Sets BillingPeriodEnd. */
        public Builder billingPeriodEnd(Instant value) {
            this.billingPeriodEnd = value;
            return this;
        }

        /** Sets BillingPeriodStart. */
        public Builder billingPeriodStart(Instant value) {
            this.billingPeriodStart = value;
            return this;
        }

        /** Sets ChargeCategory. */
        public Builder chargeCategory(String value) {
            this.chargeCategory = value;
            return this;
        }

        /** Sets ChargeClass. */
        public Builder chargeClass(String value) {
            this.chargeClass = value;
            return this;
        }

        /** Sets ChargeDescription. */
        public Builder chargeDescription(String value) {
            this.chargeDescription = value;
            return this;
        }

        /** Sets ChargeFrequency. */
        public Builder chargeFrequency(String value) {
            this.chargeFrequency = value;
            return this;
        }

        /** Sets ChargePeriodEnd. */
        public Builder chargePeriodEnd(Instant value) {
            this.chargePeriodEnd = value;
            return this;
        }

        /** Sets ChargePeriodStart. */
        public Builder chargePeriodStart(Instant value) {
            this.chargePeriodStart = value;
            return this;
        }

        /** Sets CommitmentDiscountCategory. */
        public Builder commitmentDiscountCategory(String value) {
            this.commitmentDiscountCategory = value;
            return this;
        }

        /** Sets CommitmentDiscountId. */
        public Builder commitmentDiscountId(String value) {
            this.commitmentDiscountId = value;
            return this;
        }

        /** Sets CommitmentDiscountName. */
        public Builder commitmentDiscountName(String value) {
            this.commitmentDiscountName = value;
            return this;
        }

        /** Sets CommitmentDiscountStatus. */
        public Builder commitmentDiscountStatus(String value) {
            this.commitmentDiscountStatus = value;
            return this;
        }

        /** Sets CommitmentDiscountType. */
        public Builder commitmentDiscountType(String value) {
            this.commitmentDiscountType = value;
            return this;
        }

        /** Sets ConsumedQuantity. */
        public Builder consumedQuantity(BigDecimal value) {
            this.consumedQuantity = value;
            return this;
        }

        /** Sets ConsumedUnit. */
        public Builder consumedUnit(String value) {
            this.consumedUnit = value;
            return this;
        }

        /** Sets ContractedCost. */
        public Builder contractedCost(BigDecimal value) {
            this.contractedCost = value;
            return this;
        }

        /** Sets ContractedUnitPrice. */
        public Builder contractedUnitPrice(BigDecimal value) {
            this.contractedUnitPrice = value;
            return this;
        }

        /** Sets EffectiveCost. */
        public Builder effectiveCost(BigDecimal value) {
            this.effectiveCost = value;
            return this;
        }

        /** Sets InvoiceIssuerName. */
        public Builder invoiceIssuerName(String value) {
            this.invoiceIssuerName = value;
            return this;
        }

        /** Sets ListCost. */
        public Builder listCost(BigDecimal value) {
            this.listCost = value;
            return this;
        }

        /** Sets ListUnitPrice. */
        public Builder listUnitPrice(BigDecimal value) {
            this.listUnitPrice = value;
            return this;
        }

        /** Sets PricingCategory. */
        public Builder pricingCategory(String value) {
            this.pricingCategory = value;
            return this;
        }

        /** Sets PricingQuantity. */
        public Builder pricingQuantity(BigDecimal value) {
            this.pricingQuantity = value;
            return this;
        }

        /** Sets PricingUnit. */
        public Builder pricingUnit(String value) {
            this.pricingUnit = value;
            return this;
        }

        /** Sets ProviderName. */
        public Builder providerName(String value) {
            this.providerName = value;
            return this;
        }

        /** Sets PublisherName. */
        public Builder publisherName(String value) {
            this.publisherName = value;
            return this;
        }

        /** Sets RegionId. */
        public Builder regionId(String value) {
            this.regionId = value;
            return this;
        }

        /** Sets RegionName. */
        public Builder regionName(String value) {
            this.regionName = value;
            return this;
        }

        /** Sets ResourceId. */
        public Builder resourceId(String value) {
            this.resourceId = value;
            return this;
        }

        /** Sets ResourceName. */
        public Builder resourceName(String value) {
            this.resourceName = value;
            return this;
        }

        /** Sets ResourceType. */
        public Builder resourceType(String value) {
            this.resourceType = value;
            return this;
        }

        /** Sets ServiceCategory. */
        public Builder serviceCategory(String value) {
            this.serviceCategory = value;
            return this;
        }

        /** Sets ServiceName. */
        public Builder serviceName(String value) {
            this.serviceName = value;
            return this;
        }

        /** Sets SkuId. */
        public Builder skuId(String value) {
            this.skuId = value;
            return this;
        }

        /** Sets SkuPriceId. */
        public Builder skuPriceId(String value) {
            this.skuPriceId = value;
            return this;
        }

        /** Sets SubAccountId. */
        public Builder subAccountId(String value) {
            this.subAccountId = value;
            return this;
        }

        /** Sets SubAccountName. */
        public Builder subAccountName(String value) {
            this.subAccountName = value;
            return this;
        }

        /** Sets Tags. */
        public Builder tags(Map<String, String> value) {
            this.tags = new LinkedHashMap<>(value);
            return this;
        }

        /** Adds one tag. */
        public Builder tag(String key, String value) {
            this.tags.put(key, value);
            return this;
        }

        /** Sets the non-FOCUS columns. */
        public Builder extra(Map<String, String> value) {
            this.extra = new LinkedHashMap<>(value);
            return this;
        }

        /** Adds one non-FOCUS column. */
        public Builder extra(String column, String value) {
            this.extra.put(column, value);
            return this;
        }

        /** The record. */
        public CostRecord build() {
            return new CostRecord(
                    availabilityZone,
                    billedCost,
                    billingAccountId,
                    billingAccountName,
                    billingCurrency,
                    billingPeriodEnd,
                    billingPeriodStart,
                    chargeCategory,
                    chargeClass,
                    chargeDescription,
                    chargeFrequency,
                    chargePeriodEnd,
                    chargePeriodStart,
                    commitmentDiscountCategory,
                    commitmentDiscountId,
                    commitmentDiscountName,
                    commitmentDiscountStatus,
                    commitmentDiscountType,
                    consumedQuantity,
                    consumedUnit,
                    contractedCost,
                    contractedUnitPrice,
                    effectiveCost,
                    invoiceIssuerName,
                    listCost,
                    listUnitPrice,
                    pricingCategory,
                    pricingQuantity,
                    pricingUnit,
                    providerName,
                    publisherName,
                    regionId,
                    regionName,
                    resourceId,
                    resourceName,
                    resourceType,
                    serviceCategory,
                    serviceName,
                    skuId,
                    skuPriceId,
                    subAccountId,
                    subAccountName,
                    tags,
                    extra);
        }
    }
}
