package dev.costagent.datagen;

/**
 * The shapes of CPU utilization the generator can produce, named after the verdict a rightsizing rule should reach
 * (percentiles by nearest rank over the series):
 * <ul>
 *   <li>{@link #IDLE}: p95 ≤ 5%;</li>
 *   <li>{@link #OVER_PROVISIONED}: p95 below 40% and p99 below 80%, but above idle;</li>
 *   <li>{@link #OPTIMIZED}: a healthy machine, p95 between 55% and 75%, p99 below 90%;</li>
 *   <li>{@link #UNDER_PROVISIONED}: p95 above 80%;</li>
 *   <li>{@link #BURSTY}: p50 below 10% and p95 above 50% (short daily bursts; a scheduling candidate, never idle).</li>
 * </ul>
 */
public enum UtilizationProfile {
    /** Barely used: p95 ≤ 5%. */
    IDLE,
    /** Too big for its load: p95 < 40%, p99 < 80%. */
    OVER_PROVISIONED,
    /** Healthy: p95 55–75%. */
    OPTIMIZED,
    /** Too small: p95 > 80%. */
    UNDER_PROVISIONED,
    /** Mostly quiet with bursts: p50 < 10%, p95 > 50%. */
    BURSTY
}
