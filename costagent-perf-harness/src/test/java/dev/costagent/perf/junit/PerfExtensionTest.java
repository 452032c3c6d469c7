package dev.costagent.perf.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.result.LoadModel;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.PerfReport;
import dev.costagent.perf.spi.PerfReporter;
import dev.costagent.perf.spi.Probe;
import dev.costagent.perf.spi.RecordingPlugins;
import dev.costagent.perf.spi.Verdict;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs small scenario classes through the JUnit launcher and checks what the extension did. */
class PerfExtensionTest {

    /** The build runs with perf.scale=0.1 as a system property; these scenarios pin the scale they expect. */
    private static final Map<String, String> QUIET = Map.of(Overrides.CONSOLE, "false", Overrides.SCALE, "1");

    @Test
    void aLoadTestCallsTheMethodUnderLoadWithBeforeEachOnceAndInjectsTheResult() {
        ClosedScenario.reset();

        ScenarioRunner.Outcome outcome = ScenarioRunner.single(ClosedScenario.class, QUIET);

        assertThat(outcome.status()).as(String.valueOf(outcome.failure())).isEqualTo("SUCCESSFUL");
        assertThat(ClosedScenario.beforeEach.get()).isEqualTo(1);
        assertThat(ClosedScenario.calls.get()).isEqualTo(100);
        assertThat(ClosedScenario.injected.count()).isEqualTo(100);
        assertThat(ClosedScenario.injected.workers()).isEqualTo(2);
        assertThat(ClosedScenario.viaContext).isSameAs(ClosedScenario.injected);
        assertThat(outcome.entries()).anySatisfy(e -> assertThat(e).containsEntry("perf.count", "100"));
    }

    @Test
    void aViolatedRequirementFailsTheTestListingEveryViolation() {
        ScenarioRunner.Outcome outcome = ScenarioRunner.single(ViolatingScenario.class, QUIET);

        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.failure())
                .hasMessageStartingWith("2 of 3 performance requirements not met by " + "'ViolatingScenario.slow'")
                .hasMessageContaining("p99 response time: measured")
                .hasMessageContaining("required <= 1 ns")
                .hasMessageContaining("throughput: measured");
    }

    @Test
    void anyPercentileCanBeRequiredAndTotalIterationsAreShared() {
        PercentileScenario.calls.set(0);

        ScenarioRunner.Outcome outcome = ScenarioRunner.single(PercentileScenario.class, QUIET);

        assertThat(PercentileScenario.calls.get()).isEqualTo(10);
        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.failure())
                .hasMessageStartingWith("1 of 3 performance requirements not met")
                .hasMessageContaining("p90 response time: measured")
                .hasMessageNotContaining("p99.9");
    }

    @Test
    void withoutRequirementsAnyFailedCallFailsTheTest() {
        ScenarioRunner.Outcome outcome = ScenarioRunner.single(FailingScenario.class, QUIET);

        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.failure())
                .hasMessageContaining("error rate: measured 50.00 % (5 of 10), required <= 0.00 %");
    }

    @Test
    void perfSkipDisablesLoadTests() {
        ClosedScenario.reset();

        ScenarioRunner.Outcome outcome = ScenarioRunner.single(
                ClosedScenario.class, Map.of(Overrides.SKIP, "true", Overrides.CONSOLE, "false", Overrides.SCALE, "1"));

        assertThat(outcome.status()).startsWith("SKIPPED").contains("perf.skip=true");
        assertThat(ClosedScenario.calls.get()).isZero();
    }

    @Test
    void perfScaleShrinksIterationsAndUserScaleShrinksUsers() {
        ClosedScenario.reset();

        ScenarioRunner.Outcome outcome = ScenarioRunner.single(
                ClosedScenario.class,
                Map.of(Overrides.SCALE, "0.5", Overrides.USER_SCALE, "0.5", Overrides.CONSOLE, "false"));

        assertThat(outcome.status()).isEqualTo("SUCCESSFUL");
        assertThat(ClosedScenario.calls.get()).isEqualTo(25); // 1 user x 25 iterations
    }

    @Test
    void aBadOverrideIsAClearError() {
        ScenarioRunner.Outcome outcome = ScenarioRunner.single(
                ClosedScenario.class, Map.of(Overrides.SCALE, "fast", Overrides.CONSOLE, "false"));

        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.failure()).hasMessage("perf.scale must be a positive number, got 'fast'");
    }

    @Test
    void anOpenLoadRunsAtItsRateAndRegisteredPluginsTakePart() {
        OpenScenario.reports.clear();
        OpenScenario.finished.set(0);

        ScenarioRunner.Outcome outcome = ScenarioRunner.single(OpenScenario.class, QUIET);

        assertThat(outcome.status()).as(String.valueOf(outcome.failure())).isEqualTo("SUCCESSFUL");
        assertThat(OpenScenario.reports).singleElement().satisfies(report -> {
            assertThat(report.result().model()).isEqualTo(LoadModel.OPEN);
            assertThat(report.result().count()).isEqualTo(50);
            assertThat(report.result().series())
                    .allSatisfy(s -> assertThat(s.probes()).containsEntry("answer", 42.0));
            assertThat(report.verdicts())
                    .extracting(Verdict::requirement)
                    .contains("error rate", "p99 response time", "custom: at least 10 calls");
        });
        assertThat(OpenScenario.finished.get()).isEqualTo(1);
    }

    @Test
    void serviceLoaderPluginsApplyToEveryLoadTest() {
        RecordingPlugins.REPORTS.clear();

        ScenarioRunner.single(OpenScenario.class, QUIET);

        assertThat(RecordingPlugins.REPORTS).singleElement().satisfies(report -> {
            assertThat(report.displayName()).isEqualTo("OpenScenario.arrive");
            assertThat(report.result().series())
                    .allSatisfy(s -> assertThat(s.probes()).containsEntry("discovered.constant", 1.5));
        });
    }

    @Test
    void aSpikeLoadRunsBaselineSpikeAndRecoveryAndChecksRecovery() {
        ScenarioRunner.Outcome outcome = ScenarioRunner.single(SpikeScenario.class, QUIET);

        assertThat(outcome.status()).as(String.valueOf(outcome.failure())).isEqualTo("SUCCESSFUL");
        LoadResult result = SpikeScenario.result;
        assertThat(result.count()).isEqualTo(2 * 20 + 100 + 3 * 20);
        assertThat(result.phases()).extracting(p -> p.kind().name()).containsExactly("STEADY", "SPIKE", "RECOVERY");
        assertThat(result.recovery(1e6))
                .hasValueSatisfying(r -> assertThat(r.recovered()).isTrue());
    }

    @Test
    void aLoadResultCannotBeInjectedIntoTheLoadTestItself() {
        ScenarioRunner.Outcome outcome = ScenarioRunner.single(WrongInjectionScenario.class, QUIET);

        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.failure()).hasMessageContaining("not into the load test method itself");
    }

    @Test
    void aMalformedDurationNamesTheAttribute() {
        ScenarioRunner.Outcome outcome = ScenarioRunner.single(BadDurationScenario.class, QUIET);

        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.failure()).hasMessageStartingWith("@LoadTest duration = \"soon\" is not a duration");
    }

    @Test
    void aCustomProfileClassDrivesTheLoad() {
        ScenarioRunner.Outcome outcome = ScenarioRunner.single(CustomScenario.class, QUIET);

        assertThat(outcome.status()).as(String.valueOf(outcome.failure())).isEqualTo("SUCCESSFUL");
        assertThat(CustomScenario.calls.get()).isEqualTo(12);
    }

    static class ClosedScenario {
        static final AtomicInteger beforeEach = new AtomicInteger();
        static final AtomicLong calls = new AtomicLong();
        static LoadResult injected;
        static LoadResult viaContext;

        @RegisterExtension
        static org.junit.jupiter.api.extension.AfterEachCallback otherExtension =
                context -> viaContext = PerfExtension.result(context).orElse(null);

        static void reset() {
            beforeEach.set(0);
            calls.set(0);
            injected = null;
            viaContext = null;
        }

        @BeforeEach
        void setUp() {
            beforeEach.incrementAndGet();
        }

        @LoadTest(users = 2, iterations = 50)
        void call() {
            calls.incrementAndGet();
        }

        @AfterEach
        void tearDown(LoadResult result) {
            injected = result;
        }
    }

    static class ViolatingScenario {
        @LoadTest(iterations = 20)
        @Requirements(p99 = "1ns", minThroughput = 1e9)
        void slow() {
            long start = System.nanoTime();
            while (System.nanoTime() - start < 100_000) {
                Thread.onSpinWait();
            }
        }
    }

    static class PercentileScenario {
        static final AtomicLong calls = new AtomicLong();

        @LoadTest(users = 3, totalIterations = 10)
        @Requirements(percentiles = "90=1ns, 99.9=1h")
        void call() {
            calls.incrementAndGet();
        }
    }

    static class FailingScenario {
        static final AtomicLong calls = new AtomicLong();

        @LoadTest(iterations = 10)
        void flaky() {
            if (calls.incrementAndGet() % 2 == 0) {
                throw new IllegalStateException("every other call fails");
            }
        }
    }

    static class OpenScenario {
        static final List<PerfReport> reports = new CopyOnWriteArrayList<>();
        static final AtomicInteger finished = new AtomicInteger();

        @RegisterExtension
        static PerfExtension perf = new PerfExtension()
                .withProbe(Probe.of("answer", () -> 42))
                .withRequirement(r ->
                        new Verdict("custom: at least 10 calls", Long.toString(r.count()), ">= 10", r.count() >= 10))
                .withReporter(new PerfReporter() {
                    @Override
                    public void report(PerfReport report) {
                        reports.add(report);
                    }

                    @Override
                    public void testRunFinished() {
                        finished.incrementAndGet();
                    }
                });

        @OpenLoad(rate = 100, duration = "500ms")
        @Requirements(p99 = "10s")
        void arrive() {}
    }

    static class SpikeScenario {
        static LoadResult result;

        // The tolerance is wide because a loaded CI box makes no-op latencies jittery; the arithmetic of recovery is
        // tested exactly in SpikeRecoveryTest.
        @SpikeLoad(baseRate = 20, spikeRate = 100, before = "2s", spike = "1s", after = "3s")
        @Requirements(maxRecovery = "3s", recoveryWithin = 1e6)
        void order() {}

        @AfterEach
        void keep(LoadResult loadResult) {
            result = loadResult;
        }
    }

    static class WrongInjectionScenario {
        @LoadTest
        void call(LoadResult result) {}
    }

    static class BadDurationScenario {
        @LoadTest(duration = "soon")
        void call() {}
    }

    static class CustomScenario {
        static final AtomicLong calls = new AtomicLong();

        @CustomLoad(profile = TwelveAtOnce.class)
        void call() {
            calls.incrementAndGet();
        }
    }

    /** A custom profile: twelve starts, 10 ms apart. */
    public static class TwelveAtOnce implements dev.costagent.perf.spi.LoadProfile {
        @Override
        public Schedule schedule() {
            long[] next = {0};
            return () -> next[0] < 12 ? next[0]++ * 10_000_000L : Schedule.END;
        }

        @Override
        public java.time.Duration duration() {
            return java.time.Duration.ofMillis(120);
        }
    }
}
