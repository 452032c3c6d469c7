/**
 * The cost agent's performance suite, on the real engine: load ({@code CostAgentLoadTest}), benchmarks with
 * baselines ({@code CostAgentBenchmarkTest}), scalability in workers and data volume
 * ({@code CostAgentScalabilityTest}) and resource budgets ({@code CostAgentResourceTest}). Every test works on
 * generated FOCUS exports read by the real reader ({@link dev.costagent.examples.perf.CostWorkload}); I/O-bound model
 * narration talks to a loopback stand-in with a real network round trip and latency. All tests are tagged
 * {@code perf} and scaled by {@code perf.scale} (0.1 in the default build, 1.0 under {@code -Pperf}).
 */
package dev.costagent.examples.perf;
