/** The narration benchmark: {@link dev.costagent.llm.bench.NarrationBenchmark} and its perf-tagged test. */
package dev.costagent.llm.bench;
