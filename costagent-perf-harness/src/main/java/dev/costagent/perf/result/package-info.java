/**
 * What a run measured, as values: {@link dev.costagent.perf.result.LoadResult} with its per-second samples, error
 * counts and the profile's phases, and the duration formatting every report shares. The extension points in
 * {@code perf.spi} receive these; nothing here depends on another harness package.
 */
package dev.costagent.perf.result;
