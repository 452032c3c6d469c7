package dev.costagent.perf.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costagent.perf.Blackhole;
import dev.costagent.perf.bench.Benchmark;
import dev.costagent.perf.junit.LoadTest;
import dev.costagent.perf.junit.MetricLimit;
import dev.costagent.perf.junit.ResourceBudget;
import dev.costagent.perf.junit.WithPlugins;
import dev.costagent.perf.report.CsvReporter;
import dev.costagent.perf.report.RunReport;
import dev.costagent.perf.scaling.Scalability;
import dev.costagent.perf.spi.Meter;
import dev.costagent.perf.spi.Metric;
import dev.costagent.perf.spi.PerfReport;
import dev.costagent.perf.spi.RecordingPlugins;
import dev.costagent.perf.testing.Scenarios;
import dev.costagent.perf.testing.Scenarios.Outcome;
import dev.costagent.perf.volume.DataVolume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Must reach: a ServiceLoader reporter receives all five result kinds; a user's own {@link Meter} reaches
 * requirements, JSON, CSV and reporters; JSON holds numbers with units in the field names.
 */
class EveryResultKindReachesReportersTest {

    private static final Map<String, String> CONFIG =
            Map.of("perf.console", "false", "perf.baseline", "off", "perf.scale", "1");

    @Test
    void aServiceLoaderReporterReceivesAllFiveKindsWithTheMetersFigures() throws Exception {
        RecordingPlugins.REPORTS.clear();
        List<Outcome> outcomes = Scenarios.run(AllKinds.class, CONFIG);
        assertThat(outcomes)
                .hasSize(4)
                .allSatisfy(o ->
                        assertThat(o.passed()).as(o.name() + ": " + o.failure()).isTrue());
        List<PerfReport> mine = RecordingPlugins.REPORTS.stream()
                .filter(r -> r.displayName().startsWith("AllKinds."))
                .toList();
        Set<PerfReport.Kind> kinds = mine.stream()
                .map(PerfReport::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PerfReport.Kind.class)));
        assertThat(kinds).containsExactlyInAnyOrder(PerfReport.Kind.values());
        // The meter measured the load test and the outer window of the others; its figure is a metric everywhere.
        for (PerfReport report : mine) {
            if (report.kind() != PerfReport.Kind.BENCHMARK) {
                assertThat(report.metric("counter.calls_count"))
                        .as(report.kind().name())
                        .isPresent();
            }
        }
        PerfReport load = mine.stream()
                .filter(r -> r.kind() == PerfReport.Kind.LOAD)
                .findFirst()
                .orElseThrow();
        assertThat(load.result().count()).isEqualTo(200);
        assertThat(load.metric("calls_count").orElseThrow().value()).isEqualTo(200);
        assertThat(load.metric("counter.calls_count").orElseThrow().value()).isEqualTo(200);

        Path dir = RunReport.shared().directory();
        List<String> csv = Files.readAllLines(dir.resolve(CsvReporter.FILE));
        assertThat(csv.get(0)).isEqualTo(CsvReporter.HEADER);
        assertThat(csv)
                .anyMatch(row -> row.contains("AllKinds.bench,benchmark,median,ns,"))
                .anyMatch(row -> row.contains("AllKinds.volume,data_volume,exponent,ratio,"))
                .anyMatch(row -> row.contains("AllKinds.scale,scalability,efficiency_at_2_workers,ratio,"));

        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = null;
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("AllKinds.bench-"))
                    .toList()) {
                JsonNode node = mapper.readTree(file.toFile());
                if (node.get("kind").asText().equals("benchmark")) {
                    json = node;
                }
            }
        }
        assertThat(json).isNotNull();
        assertThat(json.get("metrics").get("median_ns").isNumber()).isTrue();
        assertThat(json.get("metrics").get("throughput_ops_per_s").isNumber()).isTrue();
    }

    @Test
    void aMetricLimitOnAMetersFigureFailsTheTestMeasuredAgainstRequired() {
        Outcome outcome = Scenarios.single(TooManyCalls.class, CONFIG);
        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.failure()).hasMessageContaining("counter.calls_count: measured 100, required <= 10");
    }

    @Test
    void aLimitOnAMissingMetricFailsNamingTheMetricsThereAre() {
        Outcome outcome = Scenarios.single(MissingMetric.class, CONFIG);
        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.failure()).hasMessageContaining("no such metric").hasMessageContaining("median_ns");
    }

    /** A user's meter: counts the calls made through {@link #call()} while it measures. */
    public static final class CallCounter implements Meter {
        static final AtomicLong CALLS = new AtomicLong();
        private long start;

        static void call() {
            CALLS.incrementAndGet();
        }

        @Override
        public void start() {
            start = CALLS.get();
        }

        @Override
        public List<Metric> stop() {
            return List.of(new Metric("counter.calls", "count", CALLS.get() - start));
        }
    }

    @WithPlugins(meters = CallCounter.class)
    static class AllKinds {
        @LoadTest(iterations = 200)
        void load() {
            CallCounter.call();
        }

        @Benchmark(warmupIterations = 1, iterations = 3, iterationTime = "10ms")
        @ResourceBudget(maxAllocatedPerOp = "1MB")
        void bench(Blackhole bh) {
            bh.consume(System.nanoTime());
            CallCounter.call();
        }

        static long[] values(int size) {
            return new long[size];
        }

        @DataVolume(
                sizes = {100, 1_000},
                setup = "values",
                warmup = "5ms",
                minTime = "5ms")
        void volume(long[] values, Blackhole bh) {
            long sum = 0;
            for (long v : values) {
                sum += v;
            }
            bh.consume(sum);
            CallCounter.call();
        }

        @Scalability(
                workers = {1, 2},
                warmup = "5ms",
                window = "20ms")
        void scale(Blackhole bh) {
            bh.consume(System.nanoTime());
            CallCounter.call();
        }
    }

    @WithPlugins(meters = CallCounter.class)
    static class TooManyCalls {
        @LoadTest(iterations = 100)
        @MetricLimit(metric = "counter.calls_count", max = 10)
        void load() {
            CallCounter.call();
        }
    }

    static class MissingMetric {
        @Benchmark(warmupIterations = 1, iterations = 2, iterationTime = "5ms")
        @MetricLimit(metric = "cache.misses_count", max = 10)
        void bench(Blackhole bh) {
            bh.consume(1);
        }
    }
}
