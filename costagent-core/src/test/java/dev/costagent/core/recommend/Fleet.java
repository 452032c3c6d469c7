package dev.costagent.core.recommend;

import dev.costagent.core.analysis.utilization.UtilizationClassifier;
import dev.costagent.core.analysis.utilization.UtilizationSeries;
import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.table.CostTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A hand-built fleet for rule tests: hourly billing rows over {@link #DAYS} days and 5-minute CPU series over the last
 * 14 days, with the expected savings of each planted resource computed independently from the plain definitions.
 */
public final class Fleet {

    public static final int DAYS = 30;
    public static final Instant START = Instant.parse("2024-09-01T00:00:00Z");

    private final List<CostRecord> records = new ArrayList<>();
    private final List<UtilizationSeries> series = new ArrayList<>();
    private final Random random = new Random(7);
    private String provider = "AWS";
    private String billingAccount = null;
    private String subAccount = "111";
    private String currency = "USD";
    private String pricingCategory = "Standard";
    private boolean daily;

    /** Following rows belong to this provider and billing account (and sub account). */
    public Fleet account(String providerName, String billingAccountId, String subAccountId) {
        this.provider = providerName;
        this.billingAccount = billingAccountId;
        this.subAccount = subAccountId;
        return this;
    }

    /** Following rows are billed in this currency. */
    public Fleet currency(String value) {
        this.currency = value;
        return this;
    }

    /** Following compute rows have this PricingCategory ({@code Standard}, {@code Committed}, {@code Dynamic}). */
    public Fleet pricingCategory(String value) {
        this.pricingCategory = value;
        return this;
    }

    /** Following compute rows are daily (ChargePeriodEnd − ChargePeriodStart = 1 day), as a daily export has them. */
    public Fleet daily(boolean value) {
        this.daily = value;
        return this;
    }

    /** A compute instance billed every hour at its list price, with a CPU series of roughly this level. */
    public Fleet compute(String id, String type, double hourly, String env, double cpuLevel, String workload) {
        return compute(id, type, hourly, env, cpuLevel, workload, 0, DAYS * 24);
    }

    /** A compute instance billed in hours [from, to). */
    public Fleet compute(
            String id, String type, double hourly, String env, double cpuLevel, String workload, int from, int to) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (env != null) {
            tags.put("env", env);
        }
        if (workload != null) {
            tags.put("workload", workload);
        }
        int step = daily ? 24 : 1;
        for (int h = from; h < to; h += step) {
            BigDecimal cost = BigDecimal.valueOf(hourly).multiply(BigDecimal.valueOf(step));
            CostRecord.Builder b = base(h).resourceId(id)
                    .serviceName("Amazon Elastic Compute Cloud")
                    .serviceCategory("Compute")
                    .pricingCategory(pricingCategory)
                    .chargeCategory("Usage")
                    .chargeDescription(String.format(
                            java.util.Locale.ROOT,
                            "$%s per On Demand Linux %s Instance Hour",
                            BigDecimal.valueOf(hourly).toPlainString(),
                            type))
                    .effectiveCost(cost)
                    .billedCost(cost)
                    .tags(tags);
            if (daily) {
                b.chargePeriodEnd(START.plusSeconds((h + 24) * 3600L));
            }
            records.add(b.build());
        }
        if (cpuLevel >= 0) {
            cpu(id, cpuLevel, false);
        }
        return this;
    }

    /** A CPU series: values in [0.9 × level, level], or mostly quiet with bursts to the level when spiky. */
    public Fleet cpu(String id, double level, boolean spiky) {
        int samples = 14 * 24 * 12;
        long end = START.getEpochSecond() + DAYS * 24 * 3600L;
        long[] times = new long[samples];
        double[] values = new double[samples];
        for (int i = 0; i < samples; i++) {
            times[i] = end - (long) (samples - i) * 300;
            values[i] = spiky && i % 100 != 0 ? level / 20 : level * (0.9 + 0.1 * random.nextDouble());
        }
        series.add(new UtilizationSeries(id, "cpu", times, values));
        return this;
    }

    /** A memory % series of roughly this level (values in [0.95 × level, level]) over the CPU series' samples. */
    public Fleet memory(String id, double level) {
        return metric(id, "memory", level);
    }

    /** A network_in series of this many bytes per 5-minute sample (network_out none). */
    public Fleet network(String id, double bytesPerSample) {
        return metric(id, "network_in", bytesPerSample);
    }

    private Fleet metric(String id, String metric, double level) {
        int samples = 14 * 24 * 12;
        long end = START.getEpochSecond() + DAYS * 24 * 3600L;
        long[] times = new long[samples];
        double[] values = new double[samples];
        for (int i = 0; i < samples; i++) {
            times[i] = end - (long) (samples - i) * 300;
            values[i] = level * (0.95 + 0.05 * random.nextDouble());
        }
        series.add(new UtilizationSeries(id, metric, times, values));
        return this;
    }

    /** An EBS gp2 volume of this many GB, billed hourly. */
    public Fleet gp2Volume(String id, double gb) {
        double hourly = gb * 0.10 / 730;
        for (int h = 0; h < DAYS * 24; h++) {
            records.add(base(h).resourceId(id)
                    .serviceName("Amazon Elastic Compute Cloud")
                    .serviceCategory("Storage")
                    .pricingCategory("Standard")
                    .chargeCategory("Usage")
                    .chargeDescription("$0.10 per GB-month of General Purpose SSD (gp2) provisioned storage")
                    .effectiveCost(BigDecimal.valueOf(hourly))
                    .build());
        }
        return this;
    }

    /** A savings plan with this much unused commitment every hour. */
    public Fleet unusedCommitment(String id, double unusedHourly, double usedHourly) {
        for (int h = 0; h < DAYS * 24; h++) {
            records.add(base(h).resourceId(id)
                    .serviceName("Savings Plans for AWS Compute usage")
                    .serviceCategory("Compute")
                    .chargeCategory("Usage")
                    .pricingCategory("Committed")
                    .commitmentDiscountId(id)
                    .commitmentDiscountStatus("Unused")
                    .commitmentDiscountType("Savings Plan")
                    .effectiveCost(BigDecimal.valueOf(unusedHourly))
                    .build());
            records.add(base(h).resourceId("i-covered-by-" + id)
                    .serviceName("Amazon Elastic Compute Cloud")
                    .serviceCategory("Compute")
                    .chargeCategory("Usage")
                    .pricingCategory("Committed")
                    .commitmentDiscountId(id)
                    .commitmentDiscountStatus("Used")
                    .commitmentDiscountType("Savings Plan")
                    .effectiveCost(BigDecimal.valueOf(usedHourly))
                    .build());
        }
        return this;
    }

    private CostRecord.Builder base(int hour) {
        Instant start = START.plusSeconds(hour * 3600L);
        return CostRecord.builder()
                .chargePeriodStart(start)
                .chargePeriodEnd(start.plusSeconds(3600))
                .billingCurrency(currency)
                .providerName(provider)
                .regionId("us-east-1")
                .subAccountId(subAccount)
                .billingAccountId(billingAccount);
    }

    /** The billing rows. */
    public List<CostRecord> records() {
        return records;
    }

    /** The CPU series, one per compute resource with a CPU level. */
    public List<UtilizationSeries> series() {
        return series;
    }

    /** The verdicts of the series: one per resource with CPU, with its memory and network when given. */
    public List<UtilizationVerdict> verdicts() {
        return new UtilizationClassifier().classifyAll(series);
    }

    private RecommendationInput input;

    /** The billing rows as a table, and the verdicts; built once. */
    public synchronized RecommendationInput input() {
        if (input == null) {
            input = RecommendationInput.of(CostTable.of(records), verdicts());
        }
        return input;
    }
}
