package dev.costagent.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void writesConsoleJsonAndOneSelfContainedHtmlForAllTests() throws Exception {
        RunReport run = new RunReport(dir, new PrintStream(console, true, StandardCharsets.UTF_8));
        TestReport fast = TestReport.builder("[engine:junit]/[class:A]/[method:fast()]", "fast()", "benchmark")
                .figure("median", "12.0 ns/op")
                .checks(List.of(Check.of("median", "12.0 ns/op", "<= 20 ns/op", true)))
                .chart(Chart.linear(
                        "Samples",
                        "iteration",
                        "ns/op",
                        List.of(Series.measured("ns/op", new double[] {1, 2, 3}, new double[] {12, 11.5, 12.4}))))
                .build();
        run.add(fast);
        run.add(TestReport.builder("scaling-1", "scales()", "scalability")
                .checks(List.of(new Check(
                        "efficiency at 4 workers", "0.40", ">= 0.85", false, "4 workers > 2 available processors")))
                .note("baseline from another environment")
                .build());

        String html = Files.readString(run.htmlFile());
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("fast()")
                .contains("scales()")
                .contains("1 failed")
                .contains("<svg")
                .contains("FAIL")
                .contains("PASS")
                .contains("4 workers &gt; 2 available processors")
                .contains("baseline from another environment");
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("src=")
                .doesNotContain("<link")
                .doesNotContain("href=\"http");

        JsonNode json = new ObjectMapper().readTree(run.jsonFile(fast).toFile());
        assertThat(json.get("figures").get("median").asText()).isEqualTo("12.0 ns/op");
        assertThat(json.get("checks").get(0).get("met").asBoolean()).isTrue();
        assertThat(run.jsonFile(fast).getFileName().toString()).matches("fast_-[0-9a-f]+\\.json");
        assertThat(run.jsonFile(
                        TestReport.builder("other id", "fast()", "benchmark").build()))
                .isNotEqualTo(run.jsonFile(fast));

        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("[perf] PASS fast() (benchmark): median=12.0 ns/op")
                .contains("[perf] FAIL scales() (scalability)")
                .contains("FAIL efficiency at 4 workers: measured 0.40, required >= 0.85");
    }

    @Test
    void aReportWithTheSameIdReplacesTheEarlierOne() {
        RunReport run = new RunReport(dir, null);
        run.add(TestReport.builder("x", "first", "benchmark").build());
        run.add(TestReport.builder("x", "second", "benchmark").build());
        assertThat(run.reports()).extracting(TestReport::displayName).containsExactly("second");
    }

    @Test
    void sharedReportHonoursTheDirectoryProperty() {
        // Surefire sets perf.reportDir for this module; the default is target/perf-reports.
        assertThat(RunReport.shared().directory().toString())
                .isEqualTo(System.getProperty(RunReport.DIRECTORY_PROPERTY, "target/perf-reports"));
        assertThat(RunReport.shared().htmlFile().getFileName().toString()).isEqualTo("index.html");
    }
}
