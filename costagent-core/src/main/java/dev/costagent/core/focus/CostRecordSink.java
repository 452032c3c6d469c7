package dev.costagent.core.focus;

import dev.costagent.core.focus.parse.TagsParser;
import dev.costagent.core.focus.parse.TimestampParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns each record into a {@link CostRecord} with exact decimals — for callers who want records rather than a
 * table (small files, conversions, tests). Allocates per record; the table path does not.
 *
 * <pre>{@code
 * List<CostRecord> records = CostRecordSink.readAll(Path.of("billing.csv"), ReadOptions.DEFAULTS);
 * }</pre>
 */
public final class CostRecordSink implements RecordSink {

    private static final FocusColumn[] COLUMNS = FocusColumn.values();

    private final FocusHeader header;
    private final int[] extraFields;
    private final int[] fields = new int[COLUMNS.length];
    private final List<CostRecord> records = new ArrayList<>();

    /** A sink for records of a file with this header. */
    public CostRecordSink(FocusHeader header) {
        this.header = header;
        // FOCUS columns newer than 1.0 have no CostRecord component: they travel as extra columns, by name.
        int[] others = header.extraFields();
        List<Integer> extras = new ArrayList<>();
        for (int f = 0; f < header.size(); f++) {
            int field = f;
            boolean newer = FocusColumn.byName(header.names().get(f))
                    .map(c -> c.since() != FocusVersion.V1_0)
                    .orElse(false);
            if (newer || java.util.Arrays.stream(others).anyMatch(o -> o == field)) {
                extras.add(f);
            }
        }
        this.extraFields = extras.stream().mapToInt(Integer::intValue).toArray();
        for (FocusColumn column : COLUMNS) {
            fields[column.ordinal()] = header.field(column);
        }
    }

    /** Reads every record of a file or directory, in order. */
    public static List<CostRecord> readAll(java.nio.file.Path input, ReadOptions options) {
        List<CostRecord> all = new ArrayList<>();
        new FocusReader(options).read(input, CostRecordSink::new).sinks().forEach(s -> all.addAll(s.records));
        return all;
    }

    /** The records this sink accepted. */
    public List<CostRecord> records() {
        return records;
    }

    @Override
    public boolean accept(FocusRow row) {
        Object[] values = new Object[COLUMNS.length];
        for (FocusColumn column : COLUMNS) {
            int field = fields[column.ordinal()];
            if (row.isNull(field) || column.since() != FocusVersion.V1_0) {
                continue;
            }
            switch (column.type()) {
                case DECIMAL:
                    String text = row.string(field);
                    if (Double.isNaN(row.decimal(field))) {
                        return row.rejectNumber(field);
                    }
                    values[column.ordinal()] = new BigDecimal(text);
                    break;
                case TIMESTAMP:
                    long seconds = row.timestamp(field);
                    if (seconds == TimestampParser.INVALID) {
                        return row.rejectTimestamp(field);
                    }
                    values[column.ordinal()] = Instant.ofEpochSecond(seconds);
                    break;
                case TAGS:
                    try {
                        values[column.ordinal()] = TagsParser.parse(row.string(field));
                    } catch (IllegalArgumentException e) {
                        return row.reject(column.columnName(), e.getMessage());
                    }
                    break;
                default:
                    values[column.ordinal()] = row.string(field);
            }
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (int f : extraFields) {
            extra.put(header.names().get(f), row.string(f));
        }
        records.add(toRecord(values, extra));
        return true;
    }

    @SuppressWarnings("unchecked")
    private static CostRecord toRecord(Object[] v, Map<String, String> extra) {
        CostRecord.Builder b = CostRecord.builder();
        b.availabilityZone((String) v[FocusColumn.AVAILABILITY_ZONE.ordinal()])
                .billedCost((BigDecimal) v[FocusColumn.BILLED_COST.ordinal()])
                .billingAccountId((String) v[FocusColumn.BILLING_ACCOUNT_ID.ordinal()])
                .billingAccountName((String) v[FocusColumn.BILLING_ACCOUNT_NAME.ordinal()])
                .billingCurrency((String) v[FocusColumn.BILLING_CURRENCY.ordinal()])
                .billingPeriodEnd((Instant) v[FocusColumn.BILLING_PERIOD_END.ordinal()])
                .billingPeriodStart((Instant) v[FocusColumn.BILLING_PERIOD_START.ordinal()])
                .chargeCategory((String) v[FocusColumn.CHARGE_CATEGORY.ordinal()])
                .chargeClass((String) v[FocusColumn.CHARGE_CLASS.ordinal()])
                .chargeDescription((String) v[FocusColumn.CHARGE_DESCRIPTION.ordinal()])
                .chargeFrequency((String) v[FocusColumn.CHARGE_FREQUENCY.ordinal()])
                .chargePeriodEnd((Instant) v[FocusColumn.CHARGE_PERIOD_END.ordinal()])
                .chargePeriodStart((Instant) v[FocusColumn.CHARGE_PERIOD_START.ordinal()])
                .commitmentDiscountCategory((String) v[FocusColumn.COMMITMENT_DISCOUNT_CATEGORY.ordinal()])
                .commitmentDiscountId((String) v[FocusColumn.COMMITMENT_DISCOUNT_ID.ordinal()])
                .commitmentDiscountName((String) v[FocusColumn.COMMITMENT_DISCOUNT_NAME.ordinal()])
                .commitmentDiscountStatus((String) v[FocusColumn.COMMITMENT_DISCOUNT_STATUS.ordinal()])
                .commitmentDiscountType((String) v[FocusColumn.COMMITMENT_DISCOUNT_TYPE.ordinal()])
                .consumedQuantity((BigDecimal) v[FocusColumn.CONSUMED_QUANTITY.ordinal()])
                .consumedUnit((String) v[FocusColumn.CONSUMED_UNIT.ordinal()])
                .contractedCost((BigDecimal) v[FocusColumn.CONTRACTED_COST.ordinal()])
                .contractedUnitPrice((BigDecimal) v[FocusColumn.CONTRACTED_UNIT_PRICE.ordinal()])
                .effectiveCost((BigDecimal) v[FocusColumn.EFFECTIVE_COST.ordinal()])
                .invoiceIssuerName((String) v[FocusColumn.INVOICE_ISSUER_NAME.ordinal()])
                .listCost((BigDecimal) v[FocusColumn.LIST_COST.ordinal()])
                .listUnitPrice((BigDecimal) v[FocusColumn.LIST_UNIT_PRICE.ordinal()])
                .pricingCategory((String) v[FocusColumn.PRICING_CATEGORY.ordinal()])
                .pricingQuantity((BigDecimal) v[FocusColumn.PRICING_QUANTITY.ordinal()])
                .pricingUnit((String) v[FocusColumn.PRICING_UNIT.ordinal()])
                .providerName((String) v[FocusColumn.PROVIDER_NAME.ordinal()])
                .publisherName((String) v[FocusColumn.PUBLISHER_NAME.ordinal()])
                .regionId((String) v[FocusColumn.REGION_ID.ordinal()])
                .regionName((String) v[FocusColumn.REGION_NAME.ordinal()])
                .resourceId((String) v[FocusColumn.RESOURCE_ID.ordinal()])
                .resourceName((String) v[FocusColumn.RESOURCE_NAME.ordinal()])
                .resourceType((String) v[FocusColumn.RESOURCE_TYPE.ordinal()])
                .serviceCategory((String) v[FocusColumn.SERVICE_CATEGORY.ordinal()])
                .serviceName((String) v[FocusColumn.SERVICE_NAME.ordinal()])
                .skuId((String) v[FocusColumn.SKU_ID.ordinal()])
                .skuPriceId((String) v[FocusColumn.SKU_PRICE_ID.ordinal()])
                .subAccountId((String) v[FocusColumn.SUB_ACCOUNT_ID.ordinal()])
                .subAccountName((String) v[FocusColumn.SUB_ACCOUNT_NAME.ordinal()]);
        Object tags = v[FocusColumn.TAGS.ordinal()];
        if (tags != null) {
            b.tags((Map<String, String>) tags);
        }
        return b.extra(extra).build();
    }
}
