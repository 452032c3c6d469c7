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
    private final List<UtilizationVerdict> verdicts = new ArrayList<>();
    private final List<UtilizationSeries> series = new ArrayList<>();
    private final Random random = new Random(7);

    /** A compute instance billed every hour at its list price, with a CPU series of roughly this level. */
    public Fleet compute(String id, String type, double hourly, String env, double cpuLevel, String workload) {
        return compute(id, type, hourly, env, cpuLevel, workload, 0, DAYS * 24);
    }

    /** A compute instance billed in hours [from, to). */
    public Fleet compute(String id, String type, double hourly, String env, double cpuLevel, String workload, int from,
            int to) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (env != null) {
            tags.put("env", env);
        }
        if (workload != null) {
            tags.put("workload", workload);
        }
        for (int h = from; h < to; h++) {
            records.add(base(h).resourceId(id).serviceName("Amazon Elastic Compute Cloud").serviceCategory("Compute")
                    .pricingCategory("Standard").chargeCategory("Usage")
                    .chargeDescription(String.format(java.util.Locale.ROOT, "$%s per On Demand Linux %s Instance Hour",
                            BigDecimal.valueOf(hourly).toPlainString(), type))
                    .effectiveCost(BigDecimal.valueOf(hourly)).billedCost(BigDecimal.valueOf(hourly))
                    .tags(tags).build());
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
        UtilizationSeries cpu = new UtilizationSeries(id, "cpu", times, values);
        series.add(cpu);
        verdicts.add(new UtilizationClassifier().classify(cpu));
        return this;
    }

    /** An EBS gp2 volume of this many GB, billed hourly. */
    public Fleet gp2Volume(String id, double gb) {
        double hourly = gb * 0.10 / 730;
        for (int h = 0; h < DAYS * 24; h++) {
            records.add(base(h).resourceId(id).serviceName("Amazon Elastic Compute Cloud").serviceCategory("Storage")
                    .pricingCategory("Standard").chargeCategory("Usage")
                    .chargeDescription("$0.10 per GB-month of General Purpose SSD (gp2) provisioned storage")
                    .effectiveCost(BigDecimal.valueOf(hourly)).build());
        }
        return this;
    }

    /** A savings plan with this much unused commitment every hour. */
    public Fleet unusedCommitment(String id, double unusedHourly, double usedHourly) {
        for (int h = 0; h < DAYS * 24; h++) {
            records.add(base(h).resourceId(id).serviceName("Savings Plans for AWS Compute usage")
                    .serviceCategory("Compute").chargeCategory("Usage").pricingCategory("Committed")
                    .commitmentDiscountId(id).commitmentDiscountStatus("Unused").commitmentDiscountType("Savings Plan")
                    .effectiveCost(BigDecimal.valueOf(unusedHourly)).build());
            records.add(base(h).resourceId("i-covered-by-" + id).serviceName("Amazon Elastic Compute Cloud")
                    .serviceCategory("Compute").chargeCategory("Usage").pricingCategory("Committed")
                    .commitmentDiscountId(id).commitmentDiscountStatus("Used").commitmentDiscountType("Savings Plan")
                    .effectiveCost(BigDecimal.valueOf(usedHourly)).build());
        }
        return this;
    }

    private static CostRecord.Builder base(int hour) {
        Instant start = START.plusSeconds(hour * 3600L);
        return CostRecord.builder().chargePeriodStart(start).chargePeriodEnd(start.plusSeconds(3600))
                .billingCurrency("USD").providerName("AWS").regionId("us-east-1").subAccountId("111");
    }

    /** The billing rows. */
    public List<CostRecord> records() {
        return records;
    }

    /** The CPU series, one per compute resource with a CPU level. */
    public List<UtilizationSeries> series() {
        return series;
    }

    /** The verdicts of the CPU series. */
    public List<UtilizationVerdict> verdicts() {
        return verdicts;
    }

    private RecommendationInput input;

    /** The billing rows as a table, and the verdicts; built once. */
    public synchronized RecommendationInput input() {
        if (input == null) {
            input = RecommendationInput.of(CostTable.of(records), verdicts);
        }
        return input;
    }
}
