package dev.costagent.examples.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.core.agent.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FocusReportTest {

    @Test
    void aFocusExportBecomesOneSelfContainedHtmlPage(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("out/report.html");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report report = FocusReport.write(null, html, new PrintStream(bytes, true, UTF_8));

        String page = Files.readString(html, UTF_8);
        assertThat(page)
                .startsWithIgnoringCase("<!doctype html")
                .contains("<svg")
                .contains(report.recommendations().get(0).resourceId());
        assertThat(page)
                .doesNotContain("src=\"http")
                .doesNotContain("href=\"http")
                .doesNotContain("<script src");
        assertThat(dir.resolve("out/sample-focus-export.csv")).isRegularFile();
        assertThat(bytes.toString(UTF_8)).contains("10,000 rows").contains(html.toString());
    }

    @Test
    void aGivenExportIsReadAsIs(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first.html");
        FocusReport.write(null, first, new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
        Path second = dir.resolve("second.html");
        Report report = FocusReport.write(
                dir.resolve("sample-focus-export.csv"),
                second,
                new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
        assertThat(report.summary().rows()).isEqualTo(10_000);
        assertThat(second).isRegularFile();
    }

    @Test
    void aMissingInputIsAOneLineError(@TempDir Path dir) {
        assertThatThrownBy(() -> FocusReport.write(
                        dir.resolve("nowhere.csv"),
                        dir.resolve("r.html"),
                        new PrintStream(new ByteArrayOutputStream(), true, UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input " + dir.resolve("nowhere.csv") + " does not exist");
    }
}
