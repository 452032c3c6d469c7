/**
 * Rightsizing input: a verdict per resource from its CPU utilization series.
 *
 * <p>The entry type is {@link dev.costagent.core.analysis.utilization.UtilizationClassifier}; series come from
 * {@link dev.costagent.core.analysis.utilization.UtilizationReader} ({@code timestamp,value} CloudWatch exports or the
 * long format {@code ResourceId,Timestamp,Metric,Value}). The rules, over the last 14 days of the series with
 * percentiles by nearest rank, checked in this order:
 * <ul>
 *   <li>INSUFFICIENT_DATA: the samples span less than 30 hours.</li>
 *   <li>IDLE: CPU p95 ≤ 5%, and, when given, network in + out ≤ 5 MB on every whole day (AWS Trusted Advisor's
 *       low-utilization threshold) and memory not moving (p95 − p50 &lt; 10 points). A host idle on CPU but busy on
 *       network or memory is OVER_PROVISIONED instead (a rightsizing, never a termination, candidate).</li>
 *   <li>UNDER_PROVISIONED: CPU p95 &gt; 80% or p99 &gt; 90%.</li>
 *   <li>OVER_PROVISIONED: CPU p95 &lt; 40% and p99 &lt; 80%.</li>
 *   <li>OPTIMIZED: otherwise.</li>
 *   <li>{@code bursty} flag when p50 &lt; 10% and p95 &gt; 50% (a scheduling candidate; never idle).</li>
 * </ul>
 */
package dev.costagent.core.analysis.utilization;
