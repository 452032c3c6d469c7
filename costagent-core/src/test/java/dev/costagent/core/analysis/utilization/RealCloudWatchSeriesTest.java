package dev.costagent.core.analysis.utilization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.core.analysis.utilization.UtilizationVerdict.Verdict;
import dev.costagent.core.testing.SharedData;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five real CloudWatch CPU series (NAB realAWSCloudwatch) in {@code ../shared/data/cloudwatch}: 4,032 five-minute
 * samples each. Expected percentiles were computed independently (nearest rank over the sorted file values).
 */
class RealCloudWatchSeriesTest {
    private static final String OVER = " over 14.0 days (4032 samples)";

    static Stream<Arguments> series() {
        return Stream.of(
                Arguments.of(
                        "ec2_cpu_utilization_24ae8d",
                        Verdict.IDLE,
                        0.134,
                        0.136,
                        0.202,
                        2.344,
                        false,
                        "CPU p95 0.14% ≤ 5%" + OVER),
                Arguments.of(
                        "ec2_cpu_utilization_5f5533",
                        Verdict.OPTIMIZED,
                        42.918,
                        50.994,
                        53.38,
                        68.092,
                        false,
                        "CPU p95 51.0% and p99 53.4%: not idle, not under- and not over-provisioned" + OVER),
                Arguments.of(
                        "ec2_cpu_utilization_77c1ca",
                        Verdict.UNDER_PROVISIONED,
                        0.1,
                        89.81,
                        99.112,
                        99.898,
                        true,
                        "CPU p95 89.8% > 80%" + OVER
                                + "; bursty (p50 0.10% < 10%, p95 89.8% > 50%): a scheduling candidate"),
                Arguments.of(
                        "ec2_cpu_utilization_fe7f93",
                        Verdict.OVER_PROVISIONED,
                        2.582,
                        29.064,
                        64.252,
                        99.668,
                        false,
                        "CPU p95 29.1% < 40% and p99 64.3% < 80%" + OVER),
                Arguments.of(
                        "rds_cpu_utilization_cc0c53",
                        Verdict.OVER_PROVISIONED,
                        6.082,
                        15.0867,
                        15.6967,
                        25.1033,
                        false,
                        "CPU p95 15.1% < 40% and p99 15.7% < 80%" + OVER));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("series")
    void verdictAndReason(
            String name,
            Verdict verdict,
            double p50,
            double p95,
            double p99,
            double max,
            boolean bursty,
            String reason) {
        UtilizationSeries cpu = UtilizationReader.readCpu(SharedData.require("cloudwatch/" + name + ".csv"));
        UtilizationVerdict v = new UtilizationClassifier().classify(cpu);

        assertThat(v.resourceId()).isEqualTo(name);
        assertThat(v.verdict()).isEqualTo(verdict);
        assertThat(v.p50()).isCloseTo(p50, within(1e-9));
        assertThat(v.p95()).isCloseTo(p95, within(1e-9));
        assertThat(v.p99()).isCloseTo(p99, within(1e-9));
        assertThat(v.max()).isCloseTo(max, within(1e-9));
        assertThat(v.samples()).isEqualTo(4032);
        assertThat(v.span()).isBetween(Duration.ofHours(335), Duration.ofDays(14)); // 5-minute samples, some irregular
        assertThat(v.bursty()).isEqualTo(bursty);
        assertThat(v.reason()).isEqualTo(reason);
    }
}
