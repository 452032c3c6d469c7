/**
 * The JUnit 5 face of the harness: annotate a test method with {@link dev.costagent.perf.junit.LoadTest},
 * {@link dev.costagent.perf.junit.OpenLoad}, {@link dev.costagent.perf.junit.SpikeLoad} or
 * {@link dev.costagent.perf.junit.CustomLoad}, state {@link dev.costagent.perf.junit.Requirements}, and
 * {@link dev.costagent.perf.junit.PerfExtension} runs the method under that load, injects the
 * {@link dev.costagent.perf.result.LoadResult} into {@code @AfterEach} methods, reports it and fails the test with every
 * violated requirement. {@link dev.costagent.perf.junit.Overrides} scales or skips load tests without recompiling.
 */
package dev.costagent.perf.junit;
