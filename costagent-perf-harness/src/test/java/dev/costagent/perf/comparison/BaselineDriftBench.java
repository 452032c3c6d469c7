package dev.costagent.perf.comparison;

import dev.costagent.perf.baseline.Baseline;
import dev.costagent.perf.baseline.BaselineComparator;
import dev.costagent.perf.baseline.BaselineStore;
import dev.costagent.perf.baseline.Calibration;
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
 * baseline, at the default policy, and writes {@code target/baseline-drift.txt}.
 */
@Tag("perf")
class BaselineDriftBench {

    private static final Path STORE = Path.of("target", "drift-baselines");

    @Test
    @EnabledIfSystemProperty(named = "perf.bench", matches = "record")
    void record() {
        BenchmarkResult result = runner().run(bh -> bh.consume(AccuracyWorkloads.checksum(1)));
        BaselineStore.at(STORE).save(result.toBaseline().withCalibration(Calibration.measure()));
        System.out.println("[drift] recorded " + result.summary());
    }

    @Test
    @EnabledIfSystemProperty(named = "perf.bench", matches = "compare")
    void compare() throws Exception {
        Baseline baseline = BaselineStore.at(STORE).load("checksum").orElseThrow();
        BaselineComparator comparator = new BaselineComparator(ComparisonPolicy.defaults());
        List<String> lines = new ArrayList<>();
        lines.add("baseline recorded at " + baseline.recordedAt() + "; load average "
                + Files.readString(Path.of("/proc/loadavg")).trim());
        for (int run = 0; run < 5; run++) {
            BenchmarkResult same = runner().run(bh -> bh.consume(AccuracyWorkloads.checksum(1)));
            Comparison c = comparator.compare(baseline, same.samples(), same.environment(), Calibration.measure());
            lines.add("unchanged #" + (run + 1) + ": " + c.change() + " " + c.summary() + " | "
                    + String.join("; ", c.warnings()));
        }
        for (int run = 0; run < 5; run++) {
            // 30 % more work per call: the checksum plus 0.3 of another.
            BenchmarkResult slower = runner().run(bh -> {
                bh.consume(AccuracyWorkloads.checksum(1));
                bh.consume(AccuracyWorkloads.checksumPart(2, 600));
            });
            Comparison c = comparator.compare(baseline, slower.samples(), slower.environment(), Calibration.measure());
            lines.add("30% slower #" + (run + 1) + ": " + c.change() + " " + c.summary() + " | "
                    + String.join("; ", c.warnings()));
        }
        Files.write(Path.of("target", "baseline-drift.txt"), lines);
        lines.forEach(line -> System.out.println("[drift] " + line));
    }

    private static BenchmarkRunner runner() {
        return BenchmarkRunner.named("checksum").measurementIterations(15).iterationTime(Duration.ofMillis(100));
    }
}
