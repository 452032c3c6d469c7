package dev.costagent.core.analysis;

import dev.costagent.core.focus.CostRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Test-only shorthand for billing rows. */
public final class Rows {
    private Rows() {}

    /** A Usage row at noon of a day. */
    public static CostRecord usage(
            LocalDate day, String service, String account, String region, String resource, String sku, double cost) {
        return row(day, "Usage", service, account, region, resource, sku, cost).build();
    }

    /** A row builder with the common columns set. */
    public static CostRecord.Builder row(
            LocalDate day,
            String category,
            String service,
            String account,
            String region,
            String resource,
            String sku,
            double cost) {
        return CostRecord.builder()
                .chargePeriodStart(day.atTime(12, 0).toInstant(ZoneOffset.UTC))
                .chargePeriodEnd(day.atTime(13, 0).toInstant(ZoneOffset.UTC))
                .chargeCategory(category)
                .billingCurrency("USD")
                .serviceName(service)
                .subAccountId(account)
                .regionId(region)
                .resourceId(resource)
                .skuId(sku)
                .effectiveCost(BigDecimal.valueOf(cost))
                .billedCost(BigDecimal.valueOf(cost))
                .listCost(BigDecimal.valueOf(cost));
    }
}
