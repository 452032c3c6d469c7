/**
 * Extending the performance harness: {@link dev.costagent.examples.probe.RunsInFlight} is a custom
 * {@link dev.costagent.perf.spi.Probe} (the cost agent's runs in progress, sampled into every second of a load run)
 * and {@link dev.costagent.examples.probe.MarkdownReporter} a custom {@link dev.costagent.perf.spi.PerfReporter} (one
 * Markdown table row per load test). {@link dev.costagent.examples.probe.CustomProbeExample} is the entry point: it
 * runs a load test on the agent with both.
 */
package dev.costagent.examples.probe;
