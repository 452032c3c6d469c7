package dev.costagent.examples.perf;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.analysis.AnalysisReport;
import dev.costagent.core.analysis.Analyzer;
import dev.costagent.core.analysis.utilization.UtilizationClassifier;
import dev.costagent.core.analysis.utilization.UtilizationSeries;
import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.narrate.Facts;
import dev.costagent.core.narrate.Narrator;
import dev.costagent.core.narrate.TemplateNarrator;
import dev.costagent.core.recommend.RecommendationEngine;
import dev.costagent.core.recommend.RecommendationInput;
import dev.costagent.core.recommend.RecommendationResult;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.source.CostSource;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.examples.data.SampleBilling;
import dev.costagent.examples.llm.StandInModel;
import dev.costagent.llm.config.LlmProvider;
import dev.costagent.llm.config.LlmSettings;
import dev.costagent.llm.config.Narrators;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One billing workload for the performance suite: a generated FOCUS export of a given size on disk and the CPU
 * series of its instances, and the cost agent's stages on it, each doing its real work every call:
 * <ul>
 *   <li>{@link #collect()}: the FOCUS reader ingests the export into a columnar table (no cache);</li>
 *   <li>{@link #analyze(QueryEngine)}: CPU verdicts, trends, commitments, anomalies and forecast;</li>
 *   <li>{@link #recommend(QueryEngine, List)}: every recommendation rule over the table and verdicts;</li>
 *   <li>{@link #endToEnd()}: a fresh agent (so nothing is cached) running collect → analyze → recommend →
 *       explain.</li>
 * </ul>
 * It also gives the explain tests their inputs: a recommendation's {@link #facts(Recommendation) facts} and a
 * {@link #modelNarrator(StandInModel, int) narrator} backed by the stand-in model.
 * Thread-safe: the workload holds only immutable inputs.
 */
final class CostWorkload {

    /** The size of the standard workload, in billing rows. */
    static final int STANDARD_ROWS = 10_000;
    /** Compute instances given CPU series. */
    private static final int INSTANCES = 200;

    private final int rows;
    private final CostSource source;
    private final List<UtilizationSeries> utilization;
    private final List<UtilizationSeries> cpu;
    private final UtilizationClassifier classifier = new UtilizationClassifier();
    private final Analyzer analyzer = Analyzer.defaults();
    private final RecommendationEngine recommender = RecommendationEngine.defaults();

    private CostWorkload(int rows, CostSource source, List<UtilizationSeries> utilization) {
        this.rows = rows;
        this.source = source;
        this.utilization = List.copyOf(utilization);
        List<UtilizationSeries> cpuOnly = new ArrayList<>();
        for (UtilizationSeries s : utilization) {
            if (s.metric().equals("cpu")) {
                cpuOnly.add(s);
            }
        }
        this.cpu = List.copyOf(cpuOnly);
    }

    /**
     * Writes a generated export of {@code rows} rows (seed 42, two planted anomalies) into {@code dir}; the setup,
     * outside any timing.
     */
    static CostWorkload prepare(Path dir, int rows) {
        return prepare(dir, rows, 2);
    }

    /** Like {@link #prepare(Path, int)} with a chosen number of planted anomalies (0 for small sizes). */
    static CostWorkload prepare(Path dir, int rows, int anomalies) {
        SampleBilling sample = new SampleBilling(42, rows, anomalies);
        CostSource source = sample.writeFocusCsv(dir.resolve("billing-" + rows + ".csv"));
        return new CostWorkload(rows, source, sample.utilization(INSTANCES));
    }

    /** Billing rows in the export. */
    int rows() {
        return rows;
    }

    /** Cost collection: reads and parses the whole export into a table. */
    QueryEngine collect() {
        return source.load(ReadOptions.DEFAULTS);
    }

    /** CPU verdicts of the workload's instances. */
    List<UtilizationVerdict> verdicts() {
        List<UtilizationVerdict> verdicts = new ArrayList<>(cpu.size());
        for (UtilizationSeries series : cpu) {
            verdicts.add(classifier.classify(series));
        }
        return verdicts;
    }

    /** Analysis: CPU verdicts, then trends, commitments, anomalies and the forecast of the table. */
    AnalysisReport analyze(QueryEngine table) {
        return analyzer.analyze(table, verdicts());
    }

    /** Recommendation generation: every rule over the table and the verdicts. */
    RecommendationResult recommend(QueryEngine table, List<UtilizationVerdict> verdicts) {
        return recommender.recommend(RecommendationInput.of(table, verdicts));
    }

    /** The whole workflow on a fresh agent (nothing cached), explained by the template narrator. */
    Report endToEnd() {
        try (CostAgent agent = agent(new TemplateNarrator())) {
            return agent.run();
        }
    }

    /** An agent over the workload; the caller closes it. Its caches make repeated runs skip ingest and analysis. */
    CostAgent agent(Narrator narrator) {
        return agentBuilder(narrator).build();
    }

    /** A builder for an agent over the workload, to add listeners or options. */
    CostAgent.Builder agentBuilder(Narrator narrator) {
        return CostAgent.builder().source(source).utilization(utilization).narrator(narrator);
    }

    /** What a narrator is given to explain a recommendation: its type, target, title, monthly saving and confidence. */
    static Facts facts(Recommendation r) {
        return new Facts(
                "recommendation:" + r.id(),
                "recommendation",
                Map.of(
                        "type",
                        r.type().name(),
                        "resourceId",
                        r.resourceId(),
                        "title",
                        r.title(),
                        "monthlySavings",
                        r.monthlySavings(),
                        "confidence",
                        r.confidence()));
    }

    /**
     * A model narrator talking to the stand-in, at most {@code maxConcurrency} calls at once. No cache, so every
     * call is a real round trip.
     */
    static Narrator modelNarrator(StandInModel model, int maxConcurrency) {
        return Narrators.create(LlmSettings.builder()
                .provider(LlmProvider.OPENAI)
                .baseUrl(model.baseUrl())
                .model("stand-in")
                .cacheSize(0)
                .maxConcurrency(maxConcurrency)
                .build());
    }
}
