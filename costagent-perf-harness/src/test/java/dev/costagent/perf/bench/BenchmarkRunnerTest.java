package dev.costagent.perf.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.perf.Blackhole;
import dev.costagent.perf.baseline.Baseline;
import dev.costagent.perf.baseline.BaselineComparator;
import dev.costagent.perf.baseline.Change;
import dev.costagent.perf.baseline.Comparison;
import dev.costagent.perf.baseline.ComparisonPolicy;
import dev.costagent.perf.baseline.EnvironmentFingerprint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchmarkRunnerTest {

    private static final long[] VALUES = new long[4_096];

    static {
        for (int i = 0; i < VALUES.length; i++) {
            VALUES[i] = i * 7L + 3;
        }
    }

    private static BenchmarkRunner quick(String name) {
        return BenchmarkRunner.named(name)
                .scale(1)
                .warmupIterations(3)
                .measurementIterations(10)
                .iterationTime(Duration.ofMillis(15));
    }

    @Test
    void measuresOneSamplePerIterationAndCountsOperations() {
        BenchmarkResult r = quick("sum").run(bh -> bh.consume(sum(1_024)));
        assertThat(r.samples()).hasSize(10);
        assertThat(dev.costagent.perf.stats.Stats.min(r.samples())).isPositive();
        assertThat(r.operations()).isPositive();
        assertThat(r.invocations())
                .as("calibration and warm-up calls are counted too")
                .isGreaterThan(r.operations());
        assertThat(r.median())
                .isBetween(r.medianInterval().lower(), r.medianInterval().upper());
        assertThat(r.meanInterval().contains(r.mean())).isTrue();
        assertThat(r.throughput()).isEqualTo(1e9 / r.median());
        assertThat(r.summary()).startsWith("sum: median ").contains("ns/op").contains("10 iterations");
        assertThat(r.toBaseline().samples()).containsExactly(r.samples());
    }

    /**
     * Real-timing smoke test of the whole path (runner, baseline, comparator): four times the work is flagged as a
     * regression. Only ratios are asserted, never absolute times. Base and current runs alternate, so that load
     * from other processes on a shared CI machine hits both sides alike.
     */
    @Test
    void quadrupledWorkIsARegressionAgainstARealBaseline() {
        BenchmarkRunner runner = BenchmarkRunner.named("work")
                .scale(1)
                .warmupIterations(2)
                .measurementIterations(4)
                .iterationTime(Duration.ofMillis(15));
        double[] base = new double[0];
        double[] current = new double[0];
        for (int round = 0; round < 4; round++) {
            base = concat(base, runner.run(bh -> bh.consume(sum(1_024))).samples());
            current = concat(current, runner.run(bh -> bh.consume(sum(4_096))).samples());
        }
        Comparison slower = new BaselineComparator(ComparisonPolicy.defaults())
                .compare(
                        new Baseline("work", BenchmarkResult.UNIT, base, EnvironmentFingerprint.current(), "now"),
                        current);
        assertThat(slower.change()).as(slower.summary()).isEqualTo(Change.REGRESSION);
        assertThat(slower.relativeChange()).as(slower.summary()).isGreaterThan(0.5);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    @Test
    void failingOperationStopsTheBenchmark() {
        assertThatThrownBy(() -> quick("boom").run(bh -> {
                    throw new IllegalStateException("broken");
                }))
                .isInstanceOf(BenchmarkFailedException.class)
                .hasMessageContaining("IllegalStateException: broken");
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> BenchmarkRunner.named("x").measurementIterations(1))
                .hasMessageContaining(">= 2");
        assertThatThrownBy(() -> BenchmarkRunner.named("x").warmupIterations(-1))
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> BenchmarkRunner.named("x").iterationTime(Duration.ZERO))
                .hasMessageContaining("positive");
        assertThat(BenchmarkRunner.named("x").scale(1).plannedDuration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(BenchmarkRunner.named("x").scale(0.5).plannedDuration()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> BenchmarkRunner.named("x").scale(0)).hasMessageContaining("positive");
    }

    @Test
    void warmUpGoesOnUntilSteadyWithinItsUpperBound() {
        BenchmarkResult fixed = BenchmarkRunner.named("fixed")
                .scale(1)
                .warmupIterations(3)
                .maxWarmup(Duration.ZERO)
                .measurementIterations(2)
                .iterationTime(Duration.ofMillis(2))
                .run(bh -> bh.consume(sum(64)));
        assertThat(fixed.warmupIterations()).isEqualTo(3);
        BenchmarkResult untilSteady = BenchmarkRunner.named("steady")
                .scale(1)
                .warmupIterations(1)
                .maxWarmup(Duration.ofSeconds(5))
                .measurementIterations(2)
                .iterationTime(Duration.ofMillis(2))
                .run(bh -> bh.consume(sum(64)));
        // Steady needs two full windows of 5 iterations; the 5 s bound is far away.
        assertThat(untilSteady.warmupIterations()).isGreaterThanOrEqualTo(2 * BenchmarkRunner.STEADY_WINDOW);
        BenchmarkResult bounded = BenchmarkRunner.named("bounded")
                .scale(1)
                .warmupIterations(1)
                .maxWarmup(Duration.ofMillis(20))
                .measurementIterations(2)
                .iterationTime(Duration.ofMillis(2))
                .run(bh -> bh.consume(sum(64)));
        // 20 ms hold at most about 10 iterations of 2 ms (more only if the clock is coarse).
        assertThat(bounded.warmupIterations()).isBetween(1, 12);
        assertThat(untilSteady.steady() || untilSteady.warmupIterations() > 100).isTrue();
        assertThat(untilSteady.cpuNanosPerOp()).isPositive();
        assertThat(untilSteady.allocatedBytesPerOp()).isLessThan(1.0);
    }

    /**
     * An operation whose first call is slow (class loading, a lazy cache) must not leave the benchmark measuring one
     * call per clock read: the batch is sized on warmed code. Before, the first call's 20 ms sized the batch at one
     * call, and a few-nanosecond operation read about ten times its repeat. Only the ratio to a repeat run of the
     * same operation on the same runner is asserted.
     */
    @Test
    void aSlowFirstCallDoesNotSizeTheBatch() {
        BenchmarkRunner runner = BenchmarkRunner.named("first-call")
                .scale(1)
                .warmupIterations(3)
                .maxWarmup(Duration.ZERO)
                .measurementIterations(5)
                .iterationTime(Duration.ofMillis(20));
        long[] counter = new long[1];
        BenchmarkResult slowFirst = runner.run(bh -> {
            if (counter[0]++ == 0) {
                Thread.sleep(20); // stands for a first call's class loading, not for the work measured
            }
            bh.consume(counter[0]);
        });
        BenchmarkResult repeat = runner.run(bh -> bh.consume(counter[0]++));
        assertThat(slowFirst.median())
                .as("first run %s against repeat %s", slowFirst.summary(), repeat.summary())
                .isLessThan(3 * repeat.median() + 2);
    }

    @Test
    void blackholePublishesADigestOfWhatItConsumed() {
        Blackhole a = new Blackhole();
        a.consume(1);
        a.consume(2L);
        Blackhole b = new Blackhole();
        b.consume(2);
        b.consume(1L);
        assertThat(a.publish()).isNotEqualTo(b.publish());
        assertThat(Blackhole.lastPublished()).isEqualTo(b.publish());
    }

    private static long sum(int n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += VALUES[i] ^ (total >>> 3);
        }
        return total;
    }
}
