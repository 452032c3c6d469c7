package dev.costagent.examples.bench;

import dev.costagent.core.analysis.AnalysisReport;
import dev.costagent.core.analysis.Analyzer;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.recommend.RecommendationEngine;
import dev.costagent.core.recommend.RecommendationInput;
import dev.costagent.core.recommend.model.AnomalySignal;
import dev.costagent.core.table.CostTable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The analyses and recommend stages of {@code analyze} over one table, repeated: the first round as a one-shot run
 * meets it (cold code) and the median of the rounds (warm), in CPU time of the thread running them, so that a busy
 * machine inflates the figures less than wall time. Both stages run on the calling thread, as the agent runs them.
 *
 * <pre>
 * java -XX:+UseSerialGC -Xmn64m -cp costagent-examples/target/test-classes:costagent-examples/target/costagent.jar \
 *   dev.costagent.examples.bench.StageBenchmark /tmp/bench/real-1m.csv 5
 * </pre>
 */
public final class StageBenchmark {

    private StageBenchmark() {}

    /** Arguments: the FOCUS file, the number of rounds. */
    public static void main(String[] args) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        CostTable table = CostTable.read(Path.of(args[0]), ReadOptions.DEFAULTS);
        System.out.printf("ingest %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        int rounds = Integer.parseInt(args[1]);
        Analyzer analyzer = Analyzer.builder().executor(Runnable::run).build();
        RecommendationEngine engine = RecommendationEngine.defaults();
        double[] analyses = new double[rounds];
        double[] recommend = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long s = cpu.getCurrentThreadCpuTime();
            AnalysisReport report = analyzer.analyze(table, List.of());
            analyses[i] = (cpu.getCurrentThreadCpuTime() - s) / 1e6;
            List<AnomalySignal> signals =
                    report.anomalies().stream().map(AnomalySignal::of).toList();
            s = cpu.getCurrentThreadCpuTime();
            int recommendations = engine.recommend(RecommendationInput.of(table).withAnomalies(signals))
                    .recommendations()
                    .size();
            recommend[i] = (cpu.getCurrentThreadCpuTime() - s) / 1e6;
            System.out.printf(
                    "round %d: analyses %.0f ms, recommend %.0f ms CPU (%d recommendations)%n",
                    i, analyses[i], recommend[i], recommendations);
        }
        double firstAnalyses = analyses[0];
        double firstRecommend = recommend[0];
        Arrays.sort(analyses);
        Arrays.sort(recommend);
        System.out.printf(
                "first round: analyses %.0f ms, recommend %.0f ms; median: analyses %.0f ms, recommend %.0f ms CPU%n",
                firstAnalyses, firstRecommend, analyses[rounds / 2], recommend[rounds / 2]);
    }
}
