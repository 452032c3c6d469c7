package dev.costagent.llm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The narration benchmark as a perf-tagged test: 100 explanations at {@code perf.scale=1.0} ({@code -Pperf}), fewer
 * (at least 16) in the default build. It prints the figures and writes them to {@code target/perf}; it asserts only
 * that the run narrated with the model and that concurrency multiplies throughput (a ratio, not a time, with a floor
 * well below the 7x target so that a loaded shared machine cannot make it flaky; a serial client would score 1x).
 */
@Tag("perf")
class NarrationBenchmarkTest {

    @Test
    void concurrencyCachingAndOverhead() throws Exception {
        double scale = Double.parseDouble(System.getProperty("perf.scale", "0.1"));
        int explanations = Math.max(16, (int) Math.round(100 * scale));

        NarrationBenchmark.Result result = new NarrationBenchmark(explanations, Duration.ofMillis(50)).run();

        String report = result.describe();
        System.out.println(report);
        write(report);
        assertThat(result.modelNarratives()).isGreaterThanOrEqualTo(4L * explanations);
        // The check's cost per narrative is a figure for docs/performance.md (run with -Pperf), not a verdict here:
        // at this scale a few dozen narratives compare JIT warm-up more than code.
        assertThat(result.checkCpuMicros()).as("the fact check was measured").isPositive();
        assertThat(result.throughputRatio())
                .as("concurrency 8 vs 1 throughput ratio")
                .isGreaterThan(2.0);
        assertThat(result.cachedMedianMicros())
                .as("a cached repeat is much faster than a call")
                .isLessThan(result.sequentialSeconds() * 1e6 / explanations / 10);
    }

    private static void write(String report) throws IOException {
        Path directory = Path.of("target", "perf");
        Files.createDirectories(directory);
        Files.writeString(
                directory.resolve("llm-narration-benchmark.txt"),
                report + System.lineSeparator(),
                StandardCharsets.UTF_8);
    }
}
