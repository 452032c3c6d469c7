package dev.costagent.examples.probe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.SecondSample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomProbeExampleTest {

    @Test
    void theProbeIsSampledIntoEverySecondAndTheReporterWritesARow(@TempDir Path dir) throws IOException {
        Path markdown = dir.resolve("summary.md");
        LoadResult result = CustomProbeExample.run(
                Duration.ofSeconds(2), dir, markdown, new PrintStream(new ByteArrayOutputStream(), true, UTF_8));

        assertThat(result.count()).isPositive();
        assertThat(result.errorCount()).isZero();
        assertThat(result.series())
                .isNotEmpty()
                .allSatisfy((SecondSample s) -> assertThat(s.probes()).containsKey(RunsInFlight.NAME));
        assertThat(result.series())
                .extracting(s -> s.probes().get(RunsInFlight.NAME))
                .allSatisfy(v -> assertThat(v).isBetween(0.0, 4.0));
        String table = Files.readString(markdown, UTF_8);
        boolean passed = result.responseTime(99).compareTo(Duration.ofSeconds(5)) <= 0;
        assertThat(table)
                .contains("| agent.run x4 users | " + String.format(java.util.Locale.ROOT, "%,d", result.count())
                        + " | 0 |")
                .contains(passed ? "| pass |" : "| FAIL |");
    }

    @Test
    void runsInFlightCountsRunsBetweenTheirFirstStageAndTheirEnd() {
        RunsInFlight probe = new RunsInFlight();
        probe.stageStarted("a", dev.costagent.core.agent.Stage.INGEST);
        probe.stageStarted("b", dev.costagent.core.agent.Stage.INGEST);
        probe.stageStarted("a", dev.costagent.core.agent.Stage.ANALYZE);
        assertThat(probe.sample()).isEqualTo(2.0);
        probe.runFailed("b", new IllegalStateException("deadline"));
        assertThat(probe.sample()).isEqualTo(1.0);
    }
}
