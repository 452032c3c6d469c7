package dev.costagent.perf.comparison;

import dev.costagent.perf.baseline.Baseline;
import dev.costagent.perf.baseline.BaselineComparator;
import dev.costagent.perf.baseline.BaselineStore;
import dev.costagent.perf.baseline.Change;
import dev.costagent.perf.baseline.Comparison;
import dev.costagent.perf.baseline.ComparisonPolicy;
import dev.costagent.perf.bench.BenchmarkResult;
import dev.costagent.perf.bench.BenchmarkRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The bench command behind the baseline figures in docs/performance.md. Record once, compare minutes later:
 *
 * <pre>
 * mvn -o -q -pl costagent-perf-harness test -Dtest=BaselineDriftBench -Dperf.bench=record -Dperf.scale=1 \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * # ... 10 minutes later:
 * mvn -o -q -pl costagent-perf-harness test -Dtest=BaselineDriftBench -Dperf.bench=compare -Dperf.scale=1 \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * The compare phase measures the unchanged operation 5 times and a 30 % slower one 5 times against the recorded
 * baseline, at the default policy, and writes {@code target/baseline-drift.txt}. Every run is forked and takes a
 * calibration sample beside each sample, as {@code @Benchmark} does when it compares with a baseline.
 * {@code costagent-perf-harness/bench/baseline-protocol.sh} runs the whole protocol (record, wait, compare).
 */
@Tag("perf")
class BaselineDriftBench {

    private static final Path STORE = Path.of("target", "drift-baselines");

    @Test
    @EnabledIfSystemProperty(named = "perf.bench", matches = "record")
    void record() throws Exception {
        BenchmarkResult result = runner().run(HarnessWorkloads.class, "checksum");
        BaselineStore.at(STORE).save(result.toBaseline());
        String line = "recorded " + result.summary() + ", calibration samples " + result.calibration().length
                + ", pids " + result.processIds() + "; load average " + load();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "baseline-drift-record.txt"), List.of(line));
        System.out.println("[drift] " + line);
    }

    private static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    @Test
    @EnabledIfSystemProperty(named = "perf.bench", matches = "compare")
    void compare() throws Exception {
        Baseline baseline = BaselineStore.at(STORE).load("checksum").orElseThrow();
        BaselineComparator comparator = new BaselineComparator(ComparisonPolicy.defaults());
        List<String> lines = new ArrayList<>();
        lines.add("baseline recorded at " + baseline.recordedAt() + "; compared at " + java.time.Instant.now()
                + "; load average " + load());
        int falseAlarms = 0;
        int detected = 0;
        for (int run = 0; run < 5; run++) {
            BenchmarkResult same = runner().run(HarnessWorkloads.class, "checksum");
            Comparison c = comparator.compare(baseline, same.samples(), same.environment(), same.calibration());
            falseAlarms += c.change() == Change.REGRESSION ? 1 : 0;
            lines.add("unchanged #" + (run + 1) + " (load " + load() + "): " + c.change() + " " + c.summary() + " | "
                    + String.join("; ", c.warnings()));
        }
        for (int run = 0; run < 5; run++) {
            // 30 % more work per call: the checksum plus 0.3 of another.
            BenchmarkResult slower = runner().run(HarnessWorkloads.class, "checksumSlower");
            Comparison c = comparator.compare(baseline, slower.samples(), slower.environment(), slower.calibration());
            detected += c.change() == Change.REGRESSION ? 1 : 0;
            lines.add("30% slower #" + (run + 1) + " (load " + load() + "): " + c.change() + " " + c.summary() + " | "
                    + String.join("; ", c.warnings()));
        }
        lines.add("RESULT: unchanged flagged " + falseAlarms + " of 5; 30% slower flagged " + detected + " of 5");
        Files.write(Path.of("target", "baseline-drift.txt"), lines);
        lines.forEach(line -> System.out.println("[drift] " + line));
    }

    private static BenchmarkRunner runner() {
        // As @Benchmark runs a figure compared with a baseline: forked, a calibration sample beside every sample.
        return BenchmarkRunner.named("checksum")
                .measurementIterations(15)
                .iterationTime(Duration.ofMillis(100))
                .calibrated(true)
                .forks(1);
    }
}
