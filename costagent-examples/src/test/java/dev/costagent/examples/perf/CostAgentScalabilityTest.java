package dev.costagent.examples.perf;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.narrate.Facts;
import dev.costagent.core.narrate.Narrative;
import dev.costagent.core.narrate.NarrativeSource;
import dev.costagent.core.narrate.Narrator;
import dev.costagent.core.narrate.TemplateNarrator;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.examples.llm.StandInModel;
import dev.costagent.perf.Blackhole;
import dev.costagent.perf.junit.Overrides;
import dev.costagent.perf.report.Check;
import dev.costagent.perf.report.RunReport;
import dev.costagent.perf.report.TestReport;
import dev.costagent.perf.result.Format;
import dev.costagent.perf.scaling.Scalability;
import dev.costagent.perf.volume.DataVolumeRunner;
import dev.costagent.perf.volume.VolumePoint;
import dev.costagent.perf.volume.VolumeResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * How the cost agent scales: in workers (1 to 8 concurrent explain requests, each a model-written, fact-checked
 * explanation of one of the agent's top recommendations from a loopback stand-in model with a 150 ms answer time,
 * so the work is I/O-bound as with a real provider) and in data volume (the whole workflow on 100 to 10,000 billing
 * rows, and 1,000,000 in the full profile), where the time per record must not grow by more than 10%.
 *
 * <p>Explain requests rather than whole agent runs scale in workers here because a run narrates its subjects one
 * after another (seven model calls, about 1.5 s with this stand-in), so a run is dominated by serial waiting; the
 * CPU-bound stages are measured by the benchmarks and, on this 2-core machine, cannot speed up past 2 workers.
 */
@Tag("perf")
class CostAgentScalabilityTest {

    /** A remote model's answer time, as the stand-in serves it. */
    private static final Duration MODEL_LATENCY = Duration.ofMillis(150);
    /** The most the time per record may grow from the smallest to the standard size. */
    private static final double MAX_DEGRADATION = 1.10;

    @TempDir
    static Path dir;

    private static StandInModel model;
    private static Narrator modelNarrator;
    private static List<Facts> explainable;
    private static final AtomicInteger NEXT = new AtomicInteger();

    @BeforeAll
    static void prepare() {
        CostWorkload workload = CostWorkload.prepare(dir, CostWorkload.STANDARD_ROWS);
        List<Facts> facts = new ArrayList<>();
        try (CostAgent agent = workload.agent(new TemplateNarrator())) {
            for (Recommendation r : agent.recommend().recommendations()) {
                facts.add(CostWorkload.facts(r));
            }
        }
        explainable = List.copyOf(facts);
        model = StandInModel.start(MODEL_LATENCY);
        modelNarrator = CostWorkload.modelNarrator(model, 32);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** Explain requests for the agent's recommendations, in turn, from 1 to 8 workers. */
    @Scalability(
            workers = {1, 2, 3, 4, 5, 6, 7, 8},
            warmup = "5s",
            window = "30s",
            minEfficiency = 0.6)
    void horizontalScalability(Blackhole bh) {
        Facts facts = explainable.get(Math.floorMod(NEXT.getAndIncrement(), explainable.size()));
        Narrative narrative = modelNarrator.narrate(facts);
        if (narrative.source() != NarrativeSource.MODEL) {
            throw new IllegalStateException("the explanation fell back to the template: " + narrative.text());
        }
        bh.consume(narrative);
    }

    /**
     * The whole workflow (fresh agent: collect, analyze, recommend, explain) on 100, 1,000 and 10,000 rows, plus
     * 1,000,000 in the full profile; the exports are written before the timing.
     */
    @Test
    void dataVolumeScalability(TestReporter reporter) {
        double scale = Overrides.fromSystemProperties().timeScale();
        boolean full = scale >= 1.0;
        int[] sizes = full ? new int[] {100, 1_000, 10_000, 1_000_000} : new int[] {100, 1_000, 10_000};
        VolumeResult result = DataVolumeRunner.named("CostAgentScalabilityTest.dataVolumeScalability")
                .sizes(sizes)
                .warmup(Duration.ofMillis(Math.round(5_000 * scale)))
                .minTime(Duration.ofMillis(Math.round(10_000 * scale)))
                .run(
                        size -> CostWorkload.prepare(sizeDir(size), size, 0), // small bills cannot carry anomalies
                        (workload, bh) -> bh.consume(workload.endToEnd()));

        VolumePoint smallest = point(result, 100);
        VolumePoint standard = point(result, CostWorkload.STANDARD_ROWS);
        double degradation = standard.nanosPerRecord() / smallest.nanosPerRecord();
        Check check = Check.of(
                "per-record time degradation 100 -> 10,000 rows",
                String.format(Locale.ROOT, "%.3fx", degradation),
                String.format(Locale.ROOT, "<= %.2fx", MAX_DEGRADATION),
                degradation <= MAX_DEGRADATION);

        TestReport.Builder report = TestReport.builder(
                "CostAgentScalabilityTest.dataVolumeScalability",
                "CostAgentScalabilityTest.dataVolumeScalability",
                "data volume");
        Map<String, String> entries = new LinkedHashMap<>();
        for (VolumePoint p : result.points()) {
            report.figure(
                    String.format(Locale.ROOT, "%,d rows", p.size()),
                    String.format(
                            Locale.ROOT,
                            "%s per workflow, %.0f ns/record (%d runs)",
                            Format.nanos(p.medianNanos()),
                            p.nanosPerRecord(),
                            p.repetitions()));
            entries.put("perf.nsPerRecord." + p.size(), String.format(Locale.ROOT, "%.1f", p.nanosPerRecord()));
        }
        report.figure("exponent", String.format(Locale.ROOT, "%.3f", result.exponent()));
        report.figure("degradation 100 -> 10,000", String.format(Locale.ROOT, "%.3fx", degradation));
        report.figure("degradation smallest -> largest", String.format(Locale.ROOT, "%.3fx", result.degradation()));
        report.checks(List.of(check));
        result.charts().forEach(report::chart);
        RunReport.shared().add(report.build());
        entries.put("perf.exponent", String.format(Locale.ROOT, "%.4f", result.exponent()));
        entries.put("perf.degradation.100to10000", String.format(Locale.ROOT, "%.4f", degradation));
        reporter.publishEntry(entries);
        if (!check.met()) {
            throw new AssertionFailedError("dataVolumeScalability: " + check.describe());
        }
    }

    private static VolumePoint point(VolumeResult result, int size) {
        return result.points().stream()
                .filter(p -> p.size() == size)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no measurement at " + size + " rows"));
    }

    private static Path sizeDir(int size) {
        try {
            return Files.createDirectories(dir.resolve("volume-" + size));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
