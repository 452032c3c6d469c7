package dev.costagent.perf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junitpioneer.jupiter.ClearSystemProperty;
import org.junitpioneer.jupiter.SetSystemProperty;

/** Every setting resolves one way: system property, then junit-platform.properties, then the caller's fallback. */
class PerfConfigTest {

    @Test
    @ClearSystemProperty(key = "perf.reportDir")
    @ClearSystemProperty(key = "perf.resourceIntervalMillis")
    @SetSystemProperty(key = "perf.scale", value = "0.25")
    void systemPropertiesWinOverJunitPlatformPropertiesWhichWinOverTheFallback(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("junit-platform.properties"),
                "perf.reportDir=from-file\nperf.resourceIntervalMillis=7\nperf.scale=0.5\n");
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, original)) {
            Thread.currentThread().setContextClassLoader(loader);
            PerfConfig.reload();
            assertThat(PerfConfig.get("perf.reportDir")).hasValue("from-file");
            assertThat(PerfConfig.millis("perf.resourceIntervalMillis", 100)).isEqualTo(7);
            assertThat(PerfConfig.scale()).isEqualTo(0.25); // the system property wins
            assertThat(PerfConfig.millis("perf.absent", 100)).isEqualTo(100);
            assertThat(dev.costagent.perf.bench.BenchmarkRunner.named("x").plannedDuration())
                    .isEqualTo(java.time.Duration.ofMillis(500)); // 20 x 100 ms x 0.25
        } finally {
            Thread.currentThread().setContextClassLoader(original);
            PerfConfig.reload();
        }
    }

    @Test
    @SetSystemProperty(key = "perf.scale", value = "fast")
    void aMalformedScaleIsNamed() {
        assertThatThrownBy(PerfConfig::scale).hasMessageContaining("perf.scale must be a positive number, got 'fast'");
    }
}
