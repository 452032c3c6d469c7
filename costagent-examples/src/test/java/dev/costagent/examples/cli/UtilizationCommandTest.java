package dev.costagent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UtilizationCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new UtilizationCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, line, parse) -> {
            line.getErr().println("costagent: " + e.getMessage());
            return 2;
        });
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Hourly samples over 48 hours: mostly 2%, a few 3%. */
    private Path idleSeries(String name) throws IOException {
        StringBuilder b = new StringBuilder("timestamp,value\n");
        for (int h = 0; h <= 48; h++) {
            b.append(String.format("2024-09-%02d %02d:00:00,%s%n", 1 + h / 24, h % 24, h % 10 == 0 ? "3" : "2"));
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @Test
    void jsonFollowsTheCliContract() throws IOException {
        Run r = run("--cpu", idleSeries("i-idle.csv").toString(), "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        Iterator<String> names = json.fieldNames();
        assertThat(List.of(
                        names.next(),
                        names.next(),
                        names.next(),
                        names.next(),
                        names.next(),
                        names.next(),
                        names.next(),
                        names.next()))
                .containsExactly("verdict", "p50", "p95", "p99", "max", "samples", "bursty", "reason");
        assertThat(json.get("verdict").asText()).isEqualTo("IDLE");
        assertThat(json.get("samples").asInt()).isEqualTo(49);
        assertThat(json.get("p95").asDouble()).isEqualTo(3.0);
        assertThat(json.get("bursty").asBoolean()).isFalse();
        assertThat(json.get("reason").asText()).startsWith("CPU p95 3.00% ≤ 5%");
    }

    @Test
    void memoryIsReportedNextToTheVerdict() throws IOException {
        Path mem = Files.writeString(
                dir.resolve("mem.csv"), "timestamp,value\n2024-09-01 00:00:00,40\n" + "2024-09-01 01:00:00,60\n");
        Run r = run("--cpu", idleSeries("i-1.csv").toString(), "--memory", mem.toString(), "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("memory").get("p95").asDouble()).isEqualTo(60.0);
        assertThat(json.get("verdict").asText()).isEqualTo("IDLE");
    }

    @Test
    void tableFormatNamesTheVerdictAndReason() throws IOException {
        Run r = run("--cpu", idleSeries("i-2.csv").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("verdict      IDLE").contains("reason       CPU p95 3.00% ≤ 5%");
    }

    @Test
    void badInputIsOneLineAndNonZero() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "timestamp,value\n2024-09-01 00:00:00,x\n");
        Run r = run("--cpu", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").endsWith("bad.csv:2: unparsable value 'x'");
        assertThat(run("--cpu", idleSeries("i-3.csv").toString(), "--format", "xml")
                        .err())
                .contains("unknown --format 'xml'");
    }

    @Test
    void realCloudWatchSeriesFromTheCommandLine() throws IOException {
        String base = System.getProperty("costagent.sharedData", "../shared/data");
        Path file = Path.of(base, "cloudwatch", "ec2_cpu_utilization_77c1ca.csv");
        if (!Files.exists(file)) {
            file = Path.of("../../shared/data/cloudwatch/ec2_cpu_utilization_77c1ca.csv");
        }
        assumeThat(Files.exists(file))
                .as("shared data file missing: ../shared/data/cloudwatch/"
                        + "ec2_cpu_utilization_77c1ca.csv (test skipped)")
                .isTrue();
        JsonNode json = new ObjectMapper()
                .readTree(run("--cpu", file.toString(), "--format", "json").out());
        assertThat(json.get("verdict").asText()).isEqualTo("UNDER_PROVISIONED");
        assertThat(json.get("bursty").asBoolean()).isTrue();
        assertThat(json.get("samples").asInt()).isEqualTo(4032);
    }
}
