package dev.costagent.datagen;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.datagen.CloudCatalog.Metering;
import dev.costagent.datagen.CloudCatalog.Region;
import dev.costagent.datagen.CloudCatalog.Service;
import dev.costagent.datagen.Estate.BillingAccount;
import dev.costagent.datagen.Estate.Commitment;
import dev.costagent.datagen.Estate.Resource;
import dev.costagent.datagen.Estate.SubAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The non-usage rows of each billing month: a Purchase row per commitment for its recurring fee (BilledCost the fee,
 * EffectiveCost 0, since the fee reaches EffectiveCost through the covered and unused usage rows), a Tax row per sub
 * account, and a negative Credit and Adjustment row per billing account. Tax, credits and adjustments are rates of
 * the expected on-demand cost (base quantities, no noise), so they need no pass over the rows.
 */
final class MonthlyCharges {

    private static final double TAX_RATE = 0.06;
    private static final double CREDIT_RATE = 0.03;
    private static final double ADJUSTMENT_RATE = 0.005;

    private final Estate estate;

    MonthlyCharges(Estate estate) {
        this.estate = estate;
    }

    /** The charges to emit at each hour: a list per hour, non-empty at the first hour of each billing month. */
    List<List<CostRecord>> plan(boolean withTax, boolean withCredits, boolean withAdjustments) {
        List<List<CostRecord>> atHour = new ArrayList<>(Collections.nCopies(estate.hours, List.of()));
        double[] hourlyBySub = new double[estate.subAccounts.size()];
        for (Resource r : estate.resources) {
            double running = r.service.metering() == Metering.INSTANCE && !r.steady ? 0.9 : 1.0;
            hourlyBySub[r.subAccount.index()] += r.baseQuantity * running * r.contractedUnit10 / Estate.COST_UNIT;
        }
        int h = 0;
        while (h < estate.hours) {
            int month = estate.monthOfHour[h];
            int end = h;
            while (end < estate.hours && estate.monthOfHour[end] == month) {
                end++;
            }
            int monthHours = end - h;
            Instant from = estate.hourStart[h];
            Instant to = estate.hourStart[end];
            List<CostRecord> charges = new ArrayList<>();
            for (Commitment c : estate.commitments) {
                long amount10 = c.hourly10 * monthHours;
                charges.add(monthly(
                                c.subAccount,
                                c.service,
                                c.region,
                                month,
                                from,
                                to,
                                "Purchase",
                                "Recurring",
                                c.type + " " + c.name + " recurring fee, " + monthHours + " hours",
                                amount10,
                                0L)
                        .resourceId(c.id)
                        .resourceName(c.name)
                        .commitmentDiscountId(c.id)
                        .commitmentDiscountName(c.name)
                        .commitmentDiscountCategory(c.category)
                        .commitmentDiscountType(c.type)
                        .pricingCategory("Committed")
                        .build());
            }
            if (withTax) {
                for (SubAccount s : estate.subAccounts) {
                    long tax10 = Math.round(hourlyBySub[s.index()] * monthHours * TAX_RATE * Estate.COST_UNIT);
                    charges.add(monthly(
                                    s,
                                    null,
                                    null,
                                    month,
                                    from,
                                    to,
                                    "Tax",
                                    "Recurring",
                                    "Sales tax on usage, " + s.name(),
                                    tax10,
                                    tax10)
                            .build());
                }
            }
            for (BillingAccount ba : estate.billingAccounts) {
                SubAccount first = null;
                double hourly = 0;
                for (SubAccount s : estate.subAccounts) {
                    if (s.billingAccount() == ba) {
                        first = first == null ? s : first;
                        hourly += hourlyBySub[s.index()];
                    }
                }
                Service top = topService(ba.provider());
                if (withCredits) {
                    long credit10 = -Math.round(hourly * monthHours * CREDIT_RATE * Estate.COST_UNIT);
                    charges.add(monthly(
                                    first,
                                    top,
                                    null,
                                    month,
                                    from,
                                    to,
                                    "Credit",
                                    "One-Time",
                                    "Promotional credit, migration acceleration program",
                                    credit10,
                                    credit10)
                            .build());
                }
                if (withAdjustments) {
                    long adjustment10 = -Math.round(hourly * monthHours * ADJUSTMENT_RATE * Estate.COST_UNIT);
                    charges.add(monthly(
                                    first,
                                    top,
                                    null,
                                    month,
                                    from,
                                    to,
                                    "Adjustment",
                                    "One-Time",
                                    "Service level agreement credit adjustment",
                                    adjustment10,
                                    adjustment10)
                            .build());
                }
            }
            atHour.set(h, List.copyOf(charges));
            h = end;
        }
        return atHour;
    }

    private Service topService(String provider) {
        for (Service s : estate.services) {
            if (s.provider().equals(provider)) {
                return s;
            }
        }
        return null;
    }

    private CostRecord.Builder monthly(
            SubAccount sub,
            Service service,
            Region region,
            int month,
            Instant from,
            Instant to,
            String category,
            String frequency,
            String description,
            long billed10,
            long effective10) {
        BillingAccount ba = sub.billingAccount();
        BigDecimal billed = BigDecimal.valueOf(billed10, Estate.COST_SCALE);
        String issuer = CloudCatalog.issuer(ba.provider());
        return CostRecord.builder()
                .billedCost(billed)
                .billingAccountId(ba.id())
                .billingAccountName(ba.name())
                .billingCurrency("USD")
                .billingPeriodStart(estate.periodStart[month])
                .billingPeriodEnd(estate.periodEnd[month])
                .chargeCategory(category)
                .chargeDescription(description)
                .chargeFrequency(frequency)
                .chargePeriodStart(from)
                .chargePeriodEnd(to)
                .contractedCost(billed)
                .effectiveCost(BigDecimal.valueOf(effective10, Estate.COST_SCALE))
                .invoiceIssuerName(issuer)
                .listCost(billed)
                .providerName(ba.provider())
                .publisherName(issuer)
                .regionId(region == null ? null : region.id())
                .regionName(region == null ? null : region.name())
                .serviceName(service == null ? "Tax" : service.name())
                .serviceCategory(service == null ? "Other" : service.category())
                .subAccountId(sub.id())
                .subAccountName(sub.name());
    }
}
