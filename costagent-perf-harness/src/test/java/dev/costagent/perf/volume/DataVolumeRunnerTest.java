package dev.costagent.perf.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.perf.bench.BenchmarkFailedException;
import dev.costagent.perf.report.Check;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DataVolumeRunnerTest {

    private static DataVolumeRunner quick() {
        return DataVolumeRunner.named("t")
                .scale(1)
                .warmup(Duration.ofMillis(20))
                .minTime(Duration.ofMillis(40))
                .minRepetitions(3);
    }

    @Test
    void linearWorkHasExponentNearOneAndQuadraticNearTwo() {
        // Thread CPU time: other processes on a shared CI machine stretch long runs' wall time more than short ones'.
        DataVolumeRunner runner = quick().warmup(Duration.ofMillis(100)).clock(DataVolumeRunner.Clock.THREAD_CPU);
        VolumeResult linear =
                runner.sizes(4_000, 16_000, 64_000).run(DataVolumeRunnerTest::values, (v, bh) -> bh.consume(sum(v)));
        VolumeResult quadratic =
                runner.sizes(250, 1_000, 4_000).run(DataVolumeRunnerTest::values, (v, bh) -> bh.consume(pairs(v)));
        assertThat(linear.exponent()).as(linear.summary()).isBetween(0.7, 1.3);
        assertThat(quadratic.exponent()).as(quadratic.summary()).isBetween(1.5, 2.5);
        assertThat(quadratic.degradation()).as(quadratic.summary()).isGreaterThan(4.0);
        assertThat(quadratic.checkMaxExponent(1.2).met()).isFalse();
        assertThat(linear.checkMaxExponent(1.5).met()).isTrue();
    }

    @Test
    void setupRunsOncePerSizeAndRoundOutsideTheTiming() {
        AtomicInteger setups = new AtomicInteger();
        VolumeResult r = quick().sizes(10, 100)
                .run(
                        size -> {
                            setups.incrementAndGet();
                            return values(size);
                        },
                        (v, bh) -> bh.consume(sum(v)));
        assertThat(setups).as("2 sizes x 2 rounds").hasValue(4);
        assertThat(r.points()).extracting(VolumePoint::size).containsExactly(10, 100);
        assertThat(r.points()).allSatisfy(p -> assertThat(p.repetitions()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void exponentAndDegradationFromKnownPoints() {
        VolumeResult r = VolumeResult.of(
                "known",
                List.of(
                        new VolumePoint(100, 5, 1_000, 10, 0),
                        new VolumePoint(1_000, 5, 100_000, 100, 0),
                        new VolumePoint(10_000, 5, 10_000_000, 1_000, 0)),
                55_500);
        assertThat(r.exponent()).isCloseTo(2.0, within(1e-9));
        assertThat(r.degradation()).isCloseTo(100, within(1e-9));
        Check check = r.checkMaxDegradation(3);
        assertThat(check.met()).isFalse();
        assertThat(check.describe())
                .contains("measured 100.00x")
                .contains("required <= 3.00x")
                .contains("100 -> 10000");
        assertThat(r.charts()).hasSize(2);
        assertThat(r.summary()).contains("exponent 2.000");
    }

    @Test
    void badInputIsRejectedAndFailuresNameTheSize() {
        assertThatThrownBy(() -> quick().sizes(5)).hasMessageContaining("at least 2 distinct");
        assertThatThrownBy(() -> quick().sizes(0, 5)).hasMessageContaining("positive");
        assertThatThrownBy(() -> quick().sizes(1, 2)
                        .run(
                                size -> {
                                    throw new IllegalStateException("no data");
                                },
                                (v, bh) -> {}))
                .isInstanceOf(BenchmarkFailedException.class)
                .hasMessageContaining("setup for size 2");
    }

    private static long[] values(int size) {
        long[] values = new long[size];
        for (int i = 0; i < size; i++) {
            values[i] = i * 2_654_435_761L;
        }
        return values;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v ^ (total >>> 7);
        }
        return total;
    }

    private static long pairs(long[] values) {
        long total = 0;
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values.length; j++) {
                total = total * 31 + (values[i] ^ values[j]); // a serial chain: no vectorizing shortcut
            }
        }
        return total;
    }
}
