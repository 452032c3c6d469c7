package dev.costagent.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation speed to FOCUS CSV: {@code perf.scale} × 1,000,000 rows (at least 100,000), written to a temporary
 * file. It reports rows per second of wall time and of the process's CPU time (all threads) and asserts nothing about time, only
 * that every row arrived. Full size: {@code mvn -pl costagent-core verify -Pperf -Dtest=BillingGeneratorPerfTest}.
 */
@Tag("perf")
class BillingGeneratorPerfTest {

    @TempDir
    Path dir;

    @Test
    void writesAMillionRowsOfCsv() throws IOException {
        double scale = Double.parseDouble(System.getProperty("perf.scale", "0.1"));
        long rows = Math.max(100_000, Math.round(1_000_000 * scale));
        BillingGenerator generator = GeneratorSpec.builder().seed(1).rows(rows).generator();
        Path file = dir.resolve("billing.csv");
        long cpuStart = processCpuNanos();
        long wallStart = System.nanoTime();
        generator.writeCsv(file);
        long wall = System.nanoTime() - wallStart;
        long cpu = processCpuNanos() - cpuStart;
        long bytes = Files.size(file);
        System.out.printf(
                "generate %,d rows (%,d bytes) to CSV: %.2f s wall = %,.0f rows/s; %.2f s process CPU = %,.0f rows"
                        + " per CPU-second; load average %.1f%n",
                rows,
                bytes,
                wall / 1e9,
                rows / (wall / 1e9),
                cpu / 1e9,
                rows / (cpu / 1e9),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long lines;
        try (var stream = Files.lines(file)) {
            lines = stream.count();
        }
        assertThat(lines).isEqualTo(rows + 1);
    }

    /** CPU time of the whole process (all threads, GC included), or wall time where the JVM cannot tell. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return System.nanoTime();
    }
}
