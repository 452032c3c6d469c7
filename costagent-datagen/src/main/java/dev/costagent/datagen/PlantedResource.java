package dev.costagent.datagen;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Ground truth for one thing planted in a {@link FleetScenario}.
 *
 * <p>{@code expectedMonthlySavings} follows these rules (a month is 730 hours):
 * <ul>
 *   <li>IDLE: the whole on-demand cost, {@code hourlyPrice × 730};</li>
 *   <li>OVER_PROVISIONED: {@code (hourlyPrice − price of targetInstanceType) × 730}, where the target is the
 *       smallest size of the same family in {@link InstancePriceList} whose projected CPU p95,
 *       {@code cpuP95 × vCPU now / vCPU target}, stays at or below 80% and, when a memory series was generated,
 *       whose memory holds {@code memoryP95 × memory now × 1.2} (20% headroom);</li>
 *   <li>UNUSED_COMMITMENT: the unused amortized cost, {@code hourlyPrice × 730}, where {@code hourlyPrice} is the
 *       commitment's unused cost per hour;</li>
 *   <li>ALWAYS_ON_NON_PRODUCTION: the off-hours of a schedule running 08:00–20:00 on weekdays (60 of 168 hours a
 *       week), {@code hourlyPrice × 730 × 108 / 168};</li>
 *   <li>HEALTHY, UNDER_PROVISIONED: zero; nothing should be recommended.</li>
 * </ul>
 *
 * @param resourceId FOCUS ResourceId, or the CommitmentDiscountId of an unused commitment
 * @param kind what was planted
 * @param provider FOCUS ProviderName
 * @param instanceType the instance size (for a commitment: the size of the instance it covers)
 * @param hourlyPrice on-demand list price per hour; for an unused commitment its unused cost per hour
 * @param hours hours the resource ran (or the commitment was active) in the billing data
 * @param env the {@code env} tag
 * @param profile the CPU profile of its utilization series, null for a commitment
 * @param cpuP95 the CPU p95 (nearest rank) of its utilization series, NaN for a commitment
 * @param targetInstanceType the rightsizing target for OVER_PROVISIONED, otherwise null
 * @param expectedMonthlySavings per the rules above
 */
public record PlantedResource(
        String resourceId,
        PlantedKind kind,
        String provider,
        String instanceType,
        BigDecimal hourlyPrice,
        long hours,
        String env,
        UtilizationProfile profile,
        double cpuP95,
        String targetInstanceType,
        BigDecimal expectedMonthlySavings) {

    /** Hours in a month, as the recommendation rules count them. */
    public static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);

    /** Validates the parts. */
    public PlantedResource {
        requireNonNull(resourceId, "resourceId");
        requireNonNull(kind, "kind");
        requireNonNull(hourlyPrice, "hourlyPrice");
        requireNonNull(expectedMonthlySavings, "expectedMonthlySavings");
    }

    /** The monthly cost at stake: {@code hourlyPrice × 730}. */
    public BigDecimal monthlyCost() {
        return hourlyPrice.multiply(HOURS_PER_MONTH);
    }

    /** Whether a recommender is expected to propose a saving here. */
    public boolean expectsSaving() {
        return expectedMonthlySavings.signum() > 0;
    }

    static BigDecimal scheduleSavings(BigDecimal hourlyPrice) {
        return hourlyPrice
                .multiply(HOURS_PER_MONTH)
                .multiply(BigDecimal.valueOf(108))
                .divide(BigDecimal.valueOf(168), 10, RoundingMode.HALF_EVEN);
    }
}
