package dev.costagent.core.analysis;

import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.QueryResult;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately naive, test-only {@link QueryEngine}: walks a list of records per query. It is the independent
 * reference the analyses are checked against (and stands in until the real CostTable is on this branch).
 */
public final class ListQueryEngine implements QueryEngine {
    private final List<CostRecord> records;

    public ListQueryEngine(List<CostRecord> records) {
        this.records = List.copyOf(records);
    }

    @Override
    public QueryResult execute(CostQuery query) {
        Comparator<List<String>> byKey = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = Comparator.nullsFirst(Comparator.<String>naturalOrder()).compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        Map<List<String>, double[]> groups = new TreeMap<>(byKey);
        double total = 0;
        long rows = 0;
        for (CostRecord r : records) {
            // a range keeps the rows that start in it; no range (ALL) keeps every row, those without a start too
            if (!query.range().isAll()
                    && (r.chargePeriodStart() == null || !query.range().contains(r.chargePeriodStart()))) {
                continue;
            }
            boolean pass = true;
            for (Filter f : query.filters()) {
                pass &= f.accepts(key(r, f.dimension()));
            }
            if (!pass) {
                continue;
            }
            List<String> key = new ArrayList<>();
            for (Dimension d : query.groupBy()) {
                key.add(key(r, d));
            }
            BigDecimal m = metric(r, query);
            double v = m == null ? 0 : m.doubleValue();
            double[] g = groups.computeIfAbsent(key, k -> new double[2]);
            g[0] += v;
            g[1]++;
            total += v;
            rows++;
        }
        List<QueryResult.Group> out = new ArrayList<>();
        groups.forEach((k, g) -> out.add(new QueryResult.Group(k, g[0], (long) g[1])));
        return new QueryResult(query, out, total, rows);
    }

    private static BigDecimal metric(CostRecord r, CostQuery q) {
        switch (q.metric()) {
            case EFFECTIVE_COST:
                return r.effectiveCost();
            case BILLED_COST:
                return r.billedCost();
            case LIST_COST:
                return r.listCost();
            case CONTRACTED_COST:
                return r.contractedCost();
            case PRICING_QUANTITY:
                return r.pricingQuantity();
            default:
                return r.consumedQuantity();
        }
    }

    static String key(CostRecord r, Dimension d) {
        if (d.isTime()) {
            // a row without a start has the null time key, first
            return r.chargePeriodStart() == null
                    ? null
                    : timeKey(r.chargePeriodStart().atZone(ZoneOffset.UTC), d);
        }
        return d.kind() == Dimension.Kind.TAG ? r.tags().get(d.name()) : column(r, d.name());
    }

    private static String timeKey(ZonedDateTime t, Dimension d) {
        switch (d.kind()) {
            case DAY:
                return t.toLocalDate().toString();
            case MONTH:
                return t.toLocalDate().toString().substring(0, 7);
            default:
                return String.format("%sT%02d", t.toLocalDate(), t.getHour());
        }
    }

    private static String column(CostRecord r, String name) {
        switch (name) {
            case "ServiceName":
                return r.serviceName();
            case "ServiceCategory":
                return r.serviceCategory();
            case "SubAccountId":
                return r.subAccountId();
            case "SubAccountName":
                return r.subAccountName();
            case "RegionId":
                return r.regionId();
            case "ResourceId":
                return r.resourceId();
            case "SkuId":
                return r.skuId();
            case "ChargeCategory":
                return r.chargeCategory();
            case "ProviderName":
                return r.providerName();
            case "BillingAccountId":
                return r.billingAccountId();
            case "CommitmentDiscountId":
                return r.commitmentDiscountId();
            case "CommitmentDiscountName":
                return r.commitmentDiscountName();
            case "CommitmentDiscountStatus":
                return r.commitmentDiscountStatus();
            case "CommitmentDiscountType":
                return r.commitmentDiscountType();
            case "CommitmentDiscountCategory":
                return r.commitmentDiscountCategory();
            case "PricingCategory":
                return r.pricingCategory();
            case "BillingCurrency":
                return r.billingCurrency();
            default:
                return r.extra().get(name);
        }
    }
}
