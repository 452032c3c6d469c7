package dev.costagent.examples.perf;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.agent.RunListener;
import dev.costagent.core.agent.StageTiming;
import dev.costagent.core.narrate.TemplateNarrator;
import dev.costagent.perf.ThreadMode;
import dev.costagent.perf.junit.LoadTest;
import dev.costagent.perf.junit.Requirements;
import dev.costagent.perf.junit.ResourceBudget;
import dev.costagent.perf.resource.ResourceUsage;
import dev.costagent.perf.resource.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * What the cost agent costs in memory and CPU on the standard 10,000-row workload: the peak heap of the whole
 * workflow must stay below 200 MB, and one workflow must take less than 5 s of CPU.
 */
@Tag("perf")
class CostAgentResourceTest {

    /** The published peak-heap ceiling for the 10,000-row workload. */
    private static final long MAX_HEAP = 200L * 1024 * 1024;
    /** Full workflows measured for memory. */
    private static final int MEMORY_RUNS = 3;

    @TempDir
    static Path dir;

    private static CostWorkload workload;

    @BeforeAll
    static void prepare() {
        workload = CostWorkload.prepare(dir, CostWorkload.STANDARD_ROWS);
        workload.endToEnd(); // load the classes and warm the code up, so the first measurement is not of that
    }

    @BeforeEach
    void startFromTheLiveSet() {
        System.gc(); // the sampler starts after this: earlier tests' garbage is not counted against this one
    }

    /**
     * The whole workflow, three times on one agent with its caches dropped before each run (so each run ingests and
     * analyses again while the previous report is still held). A collection at the end of every stage makes the
     * sampler see the live heap inside the workflow, not only at its end; the peak heap <em>used</em>, garbage
     * included, must stay below the ceiling as well.
     */
    @Test
    @ResourceBudget(maxPeakHeap = "200MB", interval = "5ms") // peak heap used; live heap after GC is below it
    void memoryUsage() {
        List<Report> reports = new ArrayList<>();
        RunListener collectAtStageEnds = new RunListener() {
            @Override
            public void stageFinished(String runId, StageTiming timing) {
                System.gc();
            }
        };
        try (CostAgent agent = workload.agentBuilder(new TemplateNarrator())
                .listener(collectAtStageEnds)
                .build()) {
            for (int i = 0; i < MEMORY_RUNS; i++) {
                agent.invalidateCaches();
                reports.add(agent.run());
            }
        }
        if (reports.stream().map(r -> r.recommendations().size()).distinct().count() != 1) {
            throw new IllegalStateException("runs on the same data disagree");
        }
    }

    /** The whole workflow (fresh agent each time) from two users for 30 s: CPU per workflow below 5 s. */
    @LoadTest(users = 2, duration = "30s", threads = ThreadMode.PLATFORM)
    @Requirements(maxErrorRate = 0, p99 = "10s") // two workflows share 2 cores: 5 s each at worst
    @ResourceBudget(maxCpuPerOp = "5s", interval = "100ms")
    void cpuUsage() {
        Report report = workload.endToEnd();
        if (report.summary().rows() != workload.rows()) {
            throw new IllegalStateException("a workflow saw " + report.summary().rows() + " rows");
        }
    }

    @AfterEach
    void peakHeapUsedBelowTheCeilingToo(ResourceUsage usage, TestInfo test, TestReporter reporter) {
        if (!test.getTestMethod().orElseThrow().getName().equals("memoryUsage")) {
            return;
        }
        reporter.publishEntry(Map.of(
                "costagent.memory.peakHeapUsed.bytes",
                Long.toString(usage.peakHeapUsed()),
                "costagent.memory.peakHeapAfterGc.bytes",
                Long.toString(usage.peakHeapAfterGc())));
        if (usage.peakHeapUsed() >= MAX_HEAP) {
            throw new AssertionFailedError("memoryUsage: peak heap used (garbage included) "
                    + Units.bytes(usage.peakHeapUsed()) + ", required < " + Units.bytes(MAX_HEAP));
        }
    }
}
