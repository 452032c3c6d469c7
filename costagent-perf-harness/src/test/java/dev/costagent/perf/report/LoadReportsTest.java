package dev.costagent.perf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.costagent.perf.Load;
import dev.costagent.perf.junit.LoadReports;
import dev.costagent.perf.resource.ResourceListener;
import dev.costagent.perf.result.LoadModel;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.SecondSample;
import dev.costagent.perf.spi.LoadRun;
import dev.costagent.perf.spi.PerfReport;
import dev.costagent.perf.spi.Probe;
import dev.costagent.perf.spi.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LoadReportsTest {

    @Test
    void loadTestReportHasFiguresChecksSeriesProbeAndResourceCharts() {
        LoadResult result = Load.closed(2)
                .duration(Duration.ofMillis(1_200))
                .name("closed 2")
                .probe(Probe.of("queue.depth", () -> 3))
                .listener(new ResourceListener(Duration.ofMillis(20)))
                .run(() -> Math.sqrt(System.nanoTime()));
        TestReport report = LoadReports.toTestReport(new PerfReport(
                "id-1", "closed 2", result, List.of(new Verdict("p99 response time", "0.01 ms", "<= 200 ms", true))));
        assertThat(report.kind()).isEqualTo("load");
        assertThat(report.figures()).containsKeys("count", "throughput", "p50", "p99", "resources");
        assertThat(report.checks())
                .singleElement()
                .satisfies(c -> assertThat(c.met()).isTrue());
        assertThat(report.charts())
                .extracting(Chart::title)
                .contains(
                        "Response time percentiles per second",
                        "Throughput per second",
                        "Concurrency (in flight at each second's end)",
                        "Probe queue.depth",
                        "Heap",
                        "Allocation rate");
    }

    @Test
    void progressListenerPrintsEveryIntervalWithThroughputAndP99() {
        List<String> lines = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener(2, lines::add);
        LoadRun run = new FixedRun();
        for (int second = 0; second < 5; second++) {
            listener.secondCompleted(
                    run,
                    new SecondSample(
                            second,
                            1_000_000_000L,
                            500,
                            0,
                            0,
                            3,
                            1_000_000,
                            2_000_000,
                            4_500_000,
                            9_000_000,
                            1.2e6,
                            Map.of()));
        }
        assertThat(lines)
                .containsExactly(
                        "[perf] run: 00:02 elapsed, ~00:08 remaining | 500 ops/s, p99 4.50 ms, 3 in flight",
                        "[perf] run: 00:04 elapsed, ~00:06 remaining | 500 ops/s, p99 4.50 ms, 3 in flight");
    }

    @Test
    void progressLinePrintsOnlyForRunsLongerThanTheInterval() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (ProgressLine progress = ProgressLine.start(
                "bench", Duration.ofSeconds(3), () -> "iteration 2/10", Duration.ofMillis(20), lines::add)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !lines.isEmpty());
        }
        assertThat(lines.get(0))
                .startsWith("[perf] bench: 00:00 elapsed, ~00:0")
                .endsWith("| iteration 2/10");
        List<String> none = new CopyOnWriteArrayList<>();
        try (ProgressLine off = ProgressLine.start("x", Duration.ZERO, () -> "", Duration.ZERO, none::add)) {
            assertThat(none).isEmpty();
        }
    }

    /** A run seen from a listener, with fixed values. */
    private static final class FixedRun implements LoadRun {
        @Override
        public String name() {
            return "run";
        }

        @Override
        public LoadModel model() {
            return LoadModel.CLOSED;
        }

        @Override
        public int workers() {
            return 3;
        }

        @Override
        public Duration plannedDuration() {
            return Duration.ofSeconds(10);
        }

        @Override
        public long startNanos() {
            return 0;
        }

        @Override
        public int concurrency() {
            return 3;
        }

        @Override
        public void attach(String key, Object value) {}
    }
}
