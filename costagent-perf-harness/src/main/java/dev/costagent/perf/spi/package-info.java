/**
 * Extension points of the harness, for other projects to plug into: {@link dev.costagent.perf.spi.LoadProfile}
 * (a schedule of intended start times), {@link dev.costagent.perf.spi.Requirement} (a pass/fail rule on a result),
 * {@link dev.costagent.perf.spi.Probe} (a gauge sampled into the per-second series),
 * {@link dev.costagent.perf.spi.PerfListener} (live callbacks during a run) and
 * {@link dev.costagent.perf.spi.PerfReporter} (output after each test and at the end of the test run).
 *
 * <p>Each can be given per test (builder methods, annotations, a registered extension) or discovered for every test
 * through {@link java.util.ServiceLoader}; {@link dev.costagent.perf.spi.Plugins} is the single place that does the
 * discovery.
 */
package dev.costagent.perf.spi;
