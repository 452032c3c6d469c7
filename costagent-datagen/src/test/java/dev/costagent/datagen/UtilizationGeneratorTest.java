package dev.costagent.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.testing.Rfc4180;
import dev.costagent.core.testing.Rfc4180.Cell;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtilizationGeneratorTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234567})
    void everyProfileHitsItsPercentileBand(long seed) {
        UtilizationGenerator generator =
                UtilizationGenerator.builder().seed(seed).build();
        for (int k = 0; k < 4; k++) {
            String id = "i-" + seed + "-" + k;
            UtilizationSeries idle = generator.series(id, UtilizationProfile.IDLE);
            assertThat(idle.cpuPercentile(95)).as("idle p95").isLessThanOrEqualTo(5);

            UtilizationSeries over = generator.series(id, UtilizationProfile.OVER_PROVISIONED);
            assertThat(over.cpuPercentile(95)).as("over p95").isGreaterThan(5).isLessThan(40);
            assertThat(over.cpuPercentile(99)).as("over p99").isLessThan(80);

            UtilizationSeries healthy = generator.series(id, UtilizationProfile.OPTIMIZED);
            assertThat(healthy.cpuPercentile(50)).as("healthy p50").isBetween(45.0, 70.0);
            assertThat(healthy.cpuPercentile(95)).as("healthy p95").isBetween(50.0, 78.0);
            assertThat(healthy.cpuPercentile(99)).as("healthy p99").isLessThan(90);

            UtilizationSeries under = generator.series(id, UtilizationProfile.UNDER_PROVISIONED);
            assertThat(under.cpuPercentile(95)).as("under p95").isGreaterThan(80);

            UtilizationSeries bursty = generator.series(id, UtilizationProfile.BURSTY);
            assertThat(bursty.cpuPercentile(50)).as("bursty p50").isLessThan(10);
            assertThat(bursty.cpuPercentile(95))
                    .as("bursty p95")
                    .isGreaterThan(50)
                    .isLessThanOrEqualTo(80);
            assertThat(bursty.cpuPercentile(99)).as("bursty p99").isLessThan(90);
        }
    }

    @Test
    void defaultSeriesIsFourteenDaysOfFiveMinuteSamplesWithMemory() {
        UtilizationSeries s = UtilizationGenerator.builder().build().series("i-1", UtilizationProfile.OPTIMIZED);
        assertThat(s.samples()).isEqualTo(14 * 288);
        assertThat(Duration.between(s.timestamp(0), s.timestamp(s.samples() - 1)))
                .isEqualTo(Duration.ofDays(14).minusMinutes(5));
        assertThat(s.memory()).hasSize(s.samples());
        for (int i = 0; i < s.samples(); i++) {
            assertThat(s.cpuAt(i)).isBetween(0f, 100f);
            assertThat(s.memoryAt(i)).isBetween(0f, 100f);
        }
        assertThat(UtilizationGenerator.builder()
                        .memory(false)
                        .build()
                        .series("i-1", UtilizationProfile.IDLE)
                        .memory())
                .isNull();
    }

    @Test
    void sameInputsSameSeriesAndResourcesDiffer() {
        UtilizationGenerator generator = UtilizationGenerator.builder().seed(5).build();
        assertThat(generator.series("a", UtilizationProfile.BURSTY))
                .isEqualTo(UtilizationGenerator.builder().seed(5).build().series("a", UtilizationProfile.BURSTY));
        assertThat(generator.series("a", UtilizationProfile.BURSTY))
                .isNotEqualTo(generator.series("b", UtilizationProfile.BURSTY));
    }

    @Test
    void aTargetedSeriesHasExactlyThatP95() {
        UtilizationGenerator generator = UtilizationGenerator.builder().build();
        assertThat(generator
                        .series("x", UtilizationProfile.OVER_PROVISIONED, 18.0)
                        .cpuPercentile(95))
                .isCloseTo(18.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(generator.series("x", UtilizationProfile.IDLE, 3.0).cpuPercentile(95))
                .isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.001));
        assertThatThrownBy(() -> generator.series("x", UtilizationProfile.OVER_PROVISIONED, 50.0))
                .hasMessageContaining("outside the band of OVER_PROVISIONED");
    }

    @Test
    void longFormatRoundTrips() throws IOException {
        UtilizationGenerator generator = UtilizationGenerator.builder().days(1).build();
        UtilizationSeries a = generator.series("i-a", UtilizationProfile.IDLE);
        UtilizationSeries b = generator.series("odd, \"id\"", UtilizationProfile.UNDER_PROVISIONED);
        StringWriter out = new StringWriter();
        UtilizationCsv.writeLong(out, List.of(a, b));
        List<List<Cell>> rows = Rfc4180.parse(out.toString());
        assertThat(rows.get(0).stream().map(Cell::text).toList())
                .containsExactly("ResourceId", "Timestamp", "Metric", "Value");
        assertThat(rows).hasSize(1 + 2 * 2 * 288);
        List<Cell> first = rows.get(1);
        assertThat(first.get(0).text()).isEqualTo("i-a");
        assertThat(Instant.parse(first.get(1).text())).isEqualTo(a.timestamp(0));
        assertThat(first.get(2).text()).isEqualTo("cpu");
        assertThat(Float.parseFloat(first.get(3).text())).isEqualTo(a.cpuAt(0));
        assertThat(rows.get(2).get(2).text()).isEqualTo("memory");
        List<Cell> otherCpu = rows.get(1 + 2 * 288 + 2 * 17);
        assertThat(otherCpu.get(0).text()).isEqualTo("odd, \"id\"");
        assertThat(Float.parseFloat(otherCpu.get(3).text())).isEqualTo(b.cpuAt(17));
    }

    @Test
    void cloudWatchShapeMatchesTheRealExports() throws IOException {
        UtilizationSeries s = UtilizationGenerator.builder().days(1).build().series("i-a", UtilizationProfile.IDLE);
        Path file = dir.resolve("cw.csv");
        UtilizationCsv.writeCloudWatch(file, s);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("timestamp,value");
        assertThat(lines.get(1)).matches("2024-09-17 00:00:00,\\d+\\.\\d{3}");
        assertThat(lines.get(2)).startsWith("2024-09-17 00:05:00,");
        assertThat(lines).hasSize(1 + 288);
    }
}
