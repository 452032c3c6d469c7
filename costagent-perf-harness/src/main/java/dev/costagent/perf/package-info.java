/**
 * Load tests in code: {@link dev.costagent.perf.Load} starts a closed model (a fixed number of users, each looping)
 * or an open model (a fixed schedule of arrivals, independent of response times) and returns a
 * {@link dev.costagent.perf.result.LoadResult} with exact counts, latency histograms (bounded memory) and a per-second
 * {@link dev.costagent.perf.result.SecondSample series}.
 *
 * <pre>{@code
 * LoadResult r = Load.closed(20).duration(Duration.ofSeconds(30)).rampUp(Duration.ofSeconds(5)).run(service::call);
 * LoadResult o = Load.open(100).duration(Duration.ofSeconds(30)).maxConcurrency(64).run(service::call);
 * Duration p99 = o.responseTime(99.0);   // measured from the intended start: no coordinated omission
 * }</pre>
 */
package dev.costagent.perf;
