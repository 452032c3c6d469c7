package dev.costagent.core.analysis.utilization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.analysis.utilization.UtilizationVerdict.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UtilizationClassifierTest {

    private final UtilizationClassifier classifier = new UtilizationClassifier();

    /** 100 samples, 5 minutes apart from a base, values 1..100 scaled so rank k holds value f(k). */
    private static UtilizationSeries series(int count, long stepSeconds, java.util.function.IntToDoubleFunction value) {
        long[] t = new long[count];
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            t[i] = 1_600_000_000L + i * stepSeconds;
            v[i] = value.applyAsDouble(i);
        }
        return new UtilizationSeries("i-1", "cpu", t, v);
    }

    /** 100 samples over 99 hours whose sorted values are 1, 2, ..., 100 times a scale, shuffled in time. */
    private static UtilizationSeries ranks(double scale) {
        return series(100, 3600, i -> ((i * 37) % 100 + 1) * scale);
    }

    @Test
    void percentilesAreNearestRankNotInterpolated() {
        UtilizationVerdict v = classifier.classify(ranks(1.0));
        assertThat(v.p50()).isEqualTo(50.0);
        assertThat(v.p95()).isEqualTo(95.0);
        assertThat(v.p99()).isEqualTo(99.0);
        assertThat(v.max()).isEqualTo(100.0);
        assertThat(v.samples()).isEqualTo(100);
        assertThat(v.span()).isEqualTo(Duration.ofHours(99));

        // 7 values: p50 is rank ceil(3.5)=4, p95 rank ceil(6.65)=7
        UtilizationVerdict seven = classifier.classify(series(7, 6 * 3600, i -> 10 * (i + 1)));
        assertThat(seven.p50()).isEqualTo(40.0);
        assertThat(seven.p95()).isEqualTo(70.0);
        assertThat(seven.p99()).isEqualTo(70.0);
    }

    @Test
    void lessThanThirtyHoursIsInsufficientWhateverTheValues() {
        UtilizationVerdict v = classifier.classify(series(30, 3600, i -> 1.0)); // spans 29 h
        assertThat(v.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        assertThat(v.reason()).contains("29.0 h").contains("30 h");
        UtilizationVerdict exactly = classifier.classify(series(31, 3600, i -> 1.0)); // spans 30 h
        assertThat(exactly.verdict()).isEqualTo(Verdict.IDLE);
    }

    @Test
    void idleAtP95OfFivePercentOrLess() {
        assertThat(classifier.classify(ranks(0.05)).verdict()).isEqualTo(Verdict.IDLE); // p95 = 4.75
        UtilizationVerdict boundary = classifier.classify(ranks(5.0 / 95)); // p95 = 5 (up to rounding)
        assertThat(boundary.p95()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-12));
        UtilizationVerdict justAbove = classifier.classify(series(100, 3600, i -> i < 94 ? 1 : 5.01));
        assertThat(justAbove.p95()).isEqualTo(5.01);
        assertThat(justAbove.verdict()).isEqualTo(Verdict.OVER_PROVISIONED);
        UtilizationVerdict atFive = classifier.classify(series(100, 3600, i -> i < 94 ? 1 : 5.0));
        assertThat(atFive.verdict()).isEqualTo(Verdict.IDLE);
        assertThat(atFive.reason()).startsWith("CPU p95 5.00% ≤ 5%");
    }

    @Test
    void underProvisionedWhenP95AboveEightyOrP99AboveNinety() {
        UtilizationVerdict byP95 = classifier.classify(series(100, 3600, i -> i < 90 ? 50 : 81));
        assertThat(byP95.verdict()).isEqualTo(Verdict.UNDER_PROVISIONED);
        assertThat(byP95.reason()).startsWith("CPU p95 81.0% > 80%");
        UtilizationVerdict byP99 = classifier.classify(series(100, 3600, i -> i < 98 ? 50 : 91));
        assertThat(byP99.p95()).isEqualTo(50.0);
        assertThat(byP99.verdict()).isEqualTo(Verdict.UNDER_PROVISIONED);
        assertThat(byP99.reason()).startsWith("CPU p99 91.0% > 90%");
        UtilizationVerdict atBounds = classifier.classify(series(100, 3600, i -> i < 94 ? 50 : i < 98 ? 80 : 90));
        assertThat(atBounds.verdict()).isEqualTo(Verdict.OPTIMIZED);
    }

    @Test
    void overProvisionedNeedsBothP95BelowFortyAndP99BelowEighty() {
        assertThat(classifier.classify(series(100, 3600, i -> i < 98 ? 30 : 79)).verdict())
                .isEqualTo(Verdict.OVER_PROVISIONED);
        assertThat(classifier.classify(series(100, 3600, i -> i < 98 ? 30 : 80)).verdict())
                .isEqualTo(Verdict.OPTIMIZED);
        assertThat(classifier.classify(series(100, 3600, i -> i < 90 ? 30 : 40)).verdict())
                .isEqualTo(Verdict.OPTIMIZED);
        assertThat(classifier.classify(series(100, 3600, i -> 60)).verdict()).isEqualTo(Verdict.OPTIMIZED);
    }

    @Test
    void burstyWhenMedianLowAndP95HighAndThenNeverIdle() {
        UtilizationVerdict v = classifier.classify(series(100, 3600, i -> i % 10 < 8 ? 3 : 70));
        assertThat(v.bursty()).isTrue();
        assertThat(v.verdict()).isNotEqualTo(Verdict.IDLE).isEqualTo(Verdict.OPTIMIZED);
        assertThat(v.reason()).contains("bursty");
        assertThat(classifier
                        .classify(series(100, 3600, i -> i % 10 < 8 ? 10 : 70))
                        .bursty())
                .isFalse();
        assertThat(classifier
                        .classify(series(100, 3600, i -> i % 10 < 8 ? 3 : 50))
                        .bursty())
                .isFalse();
    }

    @Test
    void onlyTheLastFourteenDaysCount() {
        // 20 days hourly: the first 6 days at 95% would make it under-provisioned; the last 14 days are idle.
        UtilizationVerdict v = classifier.classify(series(20 * 24, 3600, i -> i < 6 * 24 ? 95 : 1));
        assertThat(v.verdict()).isEqualTo(Verdict.IDLE);
        assertThat(v.samples()).isEqualTo(14 * 24 + 1);
        assertThat(v.span()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void emptySeriesIsInsufficient() {
        UtilizationVerdict v = classifier.classify(new UtilizationSeries("x", "cpu", new long[0], new double[0]));
        assertThat(v.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        assertThat(v.samples()).isZero();
    }

    private static UtilizationSeries steady(String id, String metric, double value, double wobble) {
        int n = 14 * 24 * 12;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_725_148_800L + i * 300L; // 2024-09-01T00:00Z, 5-minute samples
            v[i] = value + (i % 12 == 0 ? wobble : 0);
        }
        return new UtilizationSeries(id, metric, t, v);
    }

    @Test
    void networkAboveFiveMegabytesADayKeepsALowCpuHostOutOfIdle() {
        UtilizationClassifier c = new UtilizationClassifier();
        UtilizationSeries cpu = steady("i-1", "cpu", 1, 0);
        // 20 kB per 5 minutes is 5.76 MB a day: over Trusted Advisor's 5 MB
        UtilizationVerdict busy = c.classify(cpu, null, steady("i-1", "network_in", 20_000, 0), null);
        assertThat(busy.verdict()).isEqualTo(UtilizationVerdict.Verdict.OVER_PROVISIONED);
        assertThat(busy.reason()).contains("network").contains("> 5 MB");
        assertThat(busy.network().max()).isCloseTo(5.76e6, org.assertj.core.api.Assertions.within(1.0));
        // 10 kB in and 5 kB out per 5 minutes is 4.32 MB a day: idle
        UtilizationVerdict quiet =
                c.classify(cpu, null, steady("i-1", "network_in", 10_000, 0), steady("i-1", "network_out", 5_000, 0));
        assertThat(quiet.verdict()).isEqualTo(UtilizationVerdict.Verdict.IDLE);
        assertThat(quiet.network().max()).isCloseTo(4.32e6, org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void movingMemoryKeepsALowCpuHostOutOfIdleButAStaticHeapDoesNot() {
        UtilizationClassifier c = new UtilizationClassifier();
        UtilizationSeries cpu = steady("i-1", "cpu", 1, 0);
        assertThat(c.classify(cpu, steady("i-1", "memory", 70, 0), null, null).verdict())
                .isEqualTo(UtilizationVerdict.Verdict.IDLE);
        // memory p50 40%, p95 60% (one sample in twelve jumps 20 points): work is being done
        UtilizationSeries moving = steady("i-1", "memory", 40, 0);
        long[] t = moving.epochSeconds();
        double[] v = moving.values();
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 10 < 1 ? 60 : 40;
        }
        UtilizationVerdict busy = c.classify(cpu, new UtilizationSeries("i-1", "memory", t, v), null, null);
        assertThat(busy.verdict()).isEqualTo(UtilizationVerdict.Verdict.OVER_PROVISIONED);
        assertThat(busy.reason()).contains("memory moves");
        assertThat(busy.memory().p95()).isEqualTo(60);
    }

    @Test
    void classifyAllJoinsEachResourcesMetrics() {
        List<UtilizationVerdict> verdicts = new UtilizationClassifier()
                .classifyAll(List.of(
                        steady("b", "cpu", 30, 0),
                        steady("a", "memory", 50, 0),
                        steady("a", "cpu", 1, 0),
                        steady("c", "memory", 50, 0)));
        assertThat(verdicts).extracting(UtilizationVerdict::resourceId).containsExactly("a", "b");
        assertThat(verdicts.get(0).hasMemory()).isTrue();
        assertThat(verdicts.get(1).hasMemory()).isFalse();
        assertThat(verdicts.get(1).mean()).isEqualTo(30);
    }
}
