/**
 * Copyable examples of the load-test harness's extension points ({@code dev.costagent.perf.spi}), each with a
 * {@code main} that runs it on a small in-process workload:
 * <ul>
 *   <li>{@link dev.costagent.examples.harness.DiurnalProfile}: a custom {@code LoadProfile}, a sine-wave day of
 *       intended start times;</li>
 *   <li>{@link dev.costagent.examples.harness.TailRatioRequirement}: a custom {@code Requirement}, p99 / p50 at most
 *       a bound;</li>
 *   <li>{@link dev.costagent.examples.harness.ErrorBurstRequirement}: a custom {@code Requirement} over the
 *       per-second series, no second with more than 5 % failed calls;</li>
 *   <li>{@link dev.costagent.examples.harness.CallCountListener}: a {@code PerfListener} printing one line a second
 *       and attaching its counts to the result.</li>
 * </ul>
 * Probes and reporters are shown in {@code dev.costagent.examples.probe}.
 */
package dev.costagent.examples.harness;
