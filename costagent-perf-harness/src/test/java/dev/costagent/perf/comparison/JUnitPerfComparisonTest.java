package dev.costagent.perf.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import com.github.noconnor.junitperf.JUnitPerfInterceptor;
import com.github.noconnor.junitperf.JUnitPerfReportingConfig;
import com.github.noconnor.junitperf.JUnitPerfTest;
import com.github.noconnor.junitperf.JUnitPerfTestActiveConfig;
import com.github.noconnor.junitperf.data.EvaluationContext;
import com.github.noconnor.junitperf.reporting.ReportGenerator;
import dev.costagent.perf.Load;
import dev.costagent.perf.ThreadMode;
import dev.costagent.perf.junit.LoadTest;
import dev.costagent.perf.junit.PerfExtension;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.SecondSample;
import dev.costagent.perf.spi.PerfReport;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The benchmark of issue 6, side by side in one JVM: JUnitPerf and this harness each run a no-op test on 2 threads for
 * 5 s (times {@code perf.scale}). Both count the true invocations with the same {@link LongAdder}, so each tool's
 * reported count can be checked against the truth. A third run measures this harness's own per-invocation overhead
 * on a bare no-op (wall time per call per thread, and process CPU time per call).
 *
 * <p>Run at full length: {@code mvn -pl costagent-perf-harness -am verify -Pperf -Dtest=JUnitPerfComparisonTest}.
 */
@Tag("perf")
class JUnitPerfComparisonTest {

    static final LongAdder TRUE_CALLS = new LongAdder();
    static final AtomicReference<EvaluationContext> JUNITPERF_RESULT = new AtomicReference<>();
    static final AtomicReference<LoadResult> HARNESS_RESULT = new AtomicReference<>();

    @Test
    void sideBySideWithJUnitPerf() {
        double scale = Double.parseDouble(System.getProperty("perf.scale", "1"));
        long durationMs = Math.max(200, Math.round(5_000 * scale));

        System.setProperty("junitperf.durationMs", Long.toString(durationMs));
        Run junitPerf = launch(JUnitPerfNoOp.class, scale);
        long junitPerfTrue = TRUE_CALLS.sumThenReset();
        EvaluationContext jp = JUNITPERF_RESULT.get();

        Run harness = launch(HarnessNoOp.class, scale);
        long harnessTrue = TRUE_CALLS.sumThenReset();
        LoadResult ours = HARNESS_RESULT.get();

        long cpuBefore = processCpuNanos();
        LoadResult bare = Load.closed(2)
                .duration(Duration.ofMillis(durationMs))
                .threads(ThreadMode.PLATFORM)
                .name("bare no-op")
                .run(() -> {});
        long cpuPerCall = (processCpuNanos() - cpuBefore) / Math.max(1, bare.count());

        String table = String.format(
                Locale.ROOT,
                """
                        side by side: no-op test, 2 threads, %d ms (perf.scale=%s), JDK %d, %d cores
                        tool            reported        true calls      true calls/s    wall time   after run
                        JUnitPerf       %,14d  %,14d  %,14.0f  %8d ms  %8d ms
                        this harness    %,14d  %,14d  %,14.0f  %8d ms  %8d ms (post-processing %s)
                        this harness, bare no-op: %,d calls; per call per thread: p50 %d ns, mean %.1f ns (wall,
                          includes time descheduled), %d ns process CPU (includes JIT and GC); load average %.1f
                        """,
                durationMs,
                scale,
                Runtime.version().feature(),
                Runtime.getRuntime().availableProcessors(),
                jp.getEvaluationCount(),
                junitPerfTrue,
                junitPerfTrue * 1000.0 / durationMs,
                junitPerf.wallMs,
                junitPerf.wallMs - durationMs,
                ours.count(),
                harnessTrue,
                harnessTrue * 1e9 / ours.elapsed().toNanos(),
                harness.wallMs,
                harness.wallMs - durationMs,
                dev.costagent.perf.result.Format.duration(ours.postProcessing()),
                bare.count(),
                bare.responseTime(50).toNanos(),
                bare.elapsed().toNanos() * 2.0 / bare.count(),
                cpuPerCall,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(table);

        assertThat(ours.count()).as("this harness counts exactly").isEqualTo(harnessTrue);
        // a ratio, not a time: at least JUnitPerf's true invocation rate on the same machine in the same JVM
        assertThat(harnessTrue * 1e9 / ours.elapsed().toNanos())
                .as("true calls per second, this harness vs JUnitPerf")
                .isGreaterThanOrEqualTo(junitPerfTrue * 1000.0 / durationMs);
        assertThat(ours.series().stream().mapToLong(SecondSample::completed).sum())
                .isEqualTo(harnessTrue);
        assertThat(bare.series().stream().mapToLong(SecondSample::completed).sum())
                .isEqualTo(bare.count());
    }

    private record Run(long wallMs) {}

    private static Run launch(Class<?> scenario, double scale) {
        long start = System.nanoTime();
        LauncherFactory.create()
                .execute(request()
                        .selectors(selectClass(scenario))
                        .configurationParameter("perf.scale", Double.toString(scale))
                        .configurationParameter("perf.console", "false")
                        .build());
        return new Run((System.nanoTime() - start) / 1_000_000);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** JUnitPerf's side: its documented JUnit 5 usage. Not run by Surefire (nested). */
    @ExtendWith(JUnitPerfInterceptor.class)
    public static class JUnitPerfNoOp {

        @JUnitPerfTestActiveConfig
        public static final JUnitPerfReportingConfig CONFIG = JUnitPerfReportingConfig.builder()
                .reportGenerator(new ReportGenerator() {
                    @Override
                    public void generateReport(LinkedHashSet<EvaluationContext> results) {
                        results.forEach(JUNITPERF_RESULT::set);
                    }

                    @Override
                    public String getReportPath() {
                        return "";
                    }
                })
                .build();

        @Test
        @JUnitPerfTest(threads = 2, durationMs = 5_000)
        public void noOp() {
            TRUE_CALLS.increment();
        }
    }

    /** This harness's side, through its JUnit extension. Not run by Surefire (nested). */
    public static class HarnessNoOp {

        @RegisterExtension
        static PerfExtension perf = new PerfExtension().withReporter((PerfReport r) -> HARNESS_RESULT.set(r.result()));

        @LoadTest(users = 2, duration = "5s", threads = ThreadMode.PLATFORM)
        public void noOp() {
            TRUE_CALLS.increment();
        }
    }
}
