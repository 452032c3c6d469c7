package dev.costagent.examples.perf;

import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.perf.Blackhole;
import dev.costagent.perf.bench.Benchmark;
import dev.costagent.perf.bench.BenchmarkResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * One call of each stage of the cost agent on a 10,000-row FOCUS export, benchmarked (warm-up, several samples,
 * median with confidence interval), compared with the saved baseline (a significant slowdown beyond 10% fails),
 * and held to the published ceilings: collection below 1 s, analysis below 2 s, recommendation below 3 s, the whole
 * workflow below 5 s.
 *
 * <p>Baselines live in {@code target/perf-baselines} (set by this module's build): a run records them, the next
 * run on the same machine compares. {@code -Dperf.baselineDir=src/test/perf-baselines} keeps them with the sources.
 */
@Tag("perf")
class CostAgentBenchmarkTest {

    @TempDir
    static Path dir;

    private static CostWorkload workload;
    private static QueryEngine table;
    private static List<UtilizationVerdict> verdicts;

    @BeforeAll
    static void prepare() {
        workload = CostWorkload.prepare(dir, CostWorkload.STANDARD_ROWS);
        table = workload.collect();
        verdicts = workload.verdicts();
    }

    /** Reads and parses the whole export into a columnar table. */
    @Benchmark(warmupIterations = 3, iterations = 10, iterationTime = "2s")
    void costCollectionBenchmark(Blackhole bh) {
        bh.consume(workload.collect());
    }

    /** CPU verdicts, trends, commitments, anomalies and the forecast of the collected table. */
    @Benchmark(warmupIterations = 3, iterations = 10, iterationTime = "2s")
    void analysisBenchmark(Blackhole bh) {
        bh.consume(workload.analyze(table));
    }

    /** Every recommendation rule over the collected table and the CPU verdicts. */
    @Benchmark(warmupIterations = 3, iterations = 10, iterationTime = "2s")
    void recommendationGenerationBenchmark(Blackhole bh) {
        bh.consume(workload.recommend(table, verdicts));
    }

    /** A fresh agent (nothing cached): collect → analyze → recommend → explain. */
    @Benchmark(warmupIterations = 3, iterations = 10, iterationTime = "3s")
    void endToEndWorkflowBenchmark(Blackhole bh) {
        bh.consume(workload.endToEnd());
    }

    @AfterEach
    void heldToItsCeiling(BenchmarkResult result, TestInfo test, TestReporter reporter) {
        String name = test.getTestMethod().orElseThrow().getName();
        Ceilings.check(name, "median time per call", result.median(), reporter);
    }
}
