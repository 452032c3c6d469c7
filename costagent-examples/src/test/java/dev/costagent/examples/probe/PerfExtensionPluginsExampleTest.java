package dev.costagent.examples.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.narrate.TemplateNarrator;
import dev.costagent.examples.data.SampleBilling;
import dev.costagent.perf.ThreadMode;
import dev.costagent.perf.junit.LoadTest;
import dev.costagent.perf.junit.PerfExtension;
import dev.costagent.perf.junit.Requirements;
import dev.costagent.perf.result.LoadResult;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JUnit face of the same plug-ins: registered once on the class, the probe is sampled during every load test
 * of the class and the reporter receives every result (its table lands in
 * {@code target/perf-reports/custom-probe.md} when the test run ends).
 */
class PerfExtensionPluginsExampleTest {

    private static final RunsInFlight IN_FLIGHT = new RunsInFlight();

    @RegisterExtension
    static PerfExtension perf = new PerfExtension()
            .withProbe(IN_FLIGHT)
            .withReporter(new MarkdownReporter(Path.of("target/perf-reports/custom-probe.md"), RunsInFlight.NAME));

    @TempDir
    static Path dir;

    private static CostAgent agent;

    @BeforeAll
    static void prepare() {
        agent = CostAgent.builder()
                .source(SampleBilling.of(7, 5_000).writeFocusCsv(dir.resolve("billing.csv")))
                .narrator(new TemplateNarrator())
                .listener(IN_FLIGHT)
                .build();
    }

    @AfterAll
    static void close() {
        agent.close();
    }

    @LoadTest(users = 3, duration = "20s", threads = ThreadMode.PLATFORM)
    @Requirements(maxErrorRate = 0)
    void agentRunsWithTheProbeAndReporterAttached() {
        agent.run();
    }

    @AfterEach
    void theProbeIsInTheSeries(LoadResult result) {
        assertThat(result.series())
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.probes()).containsKey(RunsInFlight.NAME));
    }
}
