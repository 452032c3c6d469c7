package dev.costagent.core.analysis.utilization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UtilizationReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void twoColumnFileIsOneCpuSeriesNamedAfterTheFile() throws IOException {
        Path f = write("i-abc.csv", "timestamp,value\n2014-02-14 14:35:00,2.5\n2014-02-14 14:30:00,1.5\n\n");
        UtilizationSeries s = UtilizationReader.readCpu(f);
        assertThat(s.resourceId()).isEqualTo("i-abc");
        assertThat(s.metric()).isEqualTo("cpu");
        assertThat(s.values()).containsExactly(1.5, 2.5); // sorted by time
        assertThat(s.epochSeconds()[0])
                .isEqualTo(Instant.parse("2014-02-14T14:30:00Z").getEpochSecond());
    }

    @Test
    void timestampsInIsoFormsAllMeanTheSameInstant() {
        long expected = Instant.parse("2024-09-18T22:00:00Z").getEpochSecond();
        for (String t : List.of(
                "2024-09-18T22:00:00Z",
                "2024-09-18 22:00:00",
                "2024-09-18T22:00:00",
                "2024-09-19T00:00:00+02:00",
                "2024-09-18T21:00:00-01:00",
                "\"2024-09-18 22:00:00\"")) {
            assertThat(UtilizationReader.parseTime(Path.of("f"), 2, t)).as(t).isEqualTo(expected);
        }
    }

    @Test
    void longFormatSplitsByResourceAndMetricInAnyColumnOrder() throws IOException {
        Path f = write(
                "fleet.csv",
                "Metric,Value,ResourceId,Timestamp\n"
                        + "cpu,10,i-1,2024-01-01T00:00:00Z\n"
                        + "memory,40,i-1,2024-01-01T00:00:00Z\n"
                        + "CPU,20,i-2,2024-01-01T00:00:00Z\n"
                        + "cpu,11,i-1,2024-01-01T00:05:00Z\n");
        List<UtilizationSeries> all = UtilizationReader.read(f);
        assertThat(all)
                .extracting(s -> s.resourceId() + "/" + s.metric() + "/" + s.size())
                .containsExactly("i-1/cpu/2", "i-1/memory/1", "i-2/cpu/1");
    }

    @Test
    void badInputFailsWithFileLineAndReason() throws IOException {
        assertThatThrownBy(() -> UtilizationReader.read(write("a.csv", "timestamp,value\n2024-01-01 00:00:00,abc\n")))
                .hasMessageEndingWith("a.csv:2: unparsable value 'abc'");
        assertThatThrownBy(() -> UtilizationReader.read(write("b.csv", "timestamp,value\nyesterday,1\n")))
                .hasMessageContaining("b.csv:2: unparsable timestamp 'yesterday'");
        assertThatThrownBy(() -> UtilizationReader.read(write("c.csv", ""))).hasMessageContaining("c.csv: empty file");
        assertThatThrownBy(() -> UtilizationReader.read(write("d.csv", "time;value\n")))
                .hasMessageContaining("d.csv:1: unrecognised header");
        assertThatThrownBy(() -> UtilizationReader.read(
                        write("e.csv", "ResourceId,Timestamp,Metric,Value\ni-1,2024-01-01T00:00:00Z,disk,3\n")))
                .hasMessageContaining("e.csv:2: unknown Metric 'disk'");
        assertThatThrownBy(() -> UtilizationReader.read(write("g.csv", "timestamp,value\n2024-01-01 00:00:00,1,2\n")))
                .hasMessageContaining("g.csv:2: expected 2 fields, found 3");
        assertThatThrownBy(() -> UtilizationReader.read(write("h.csv", "timestamp,value\n2024-01-01 00:00:00,NaN\n")))
                .hasMessageContaining("h.csv:2: unparsable value 'NaN'");
    }
}
