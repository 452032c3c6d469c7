package dev.costagent.examples.quickstart;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.agent.Report;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {

    @Test
    void printsTheSummaryAndTheTopRecommendationsOfTheRealRun(@TempDir Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report report = QuickStart.run(10_000, 3, dir, new PrintStream(bytes, true, UTF_8));
        String out = bytes.toString(UTF_8);

        assertThat(report.summary().rows()).isEqualTo(10_000);
        assertThat(report.recommendations()).isNotEmpty();
        assertThat(out)
                .contains("10,000 billing rows")
                .contains("Top " + Math.min(3, report.recommendations().size()))
                .contains(report.recommendations().get(0).resourceId())
                .contains("Summary (");
        assertThat(dir.resolve("billing.csv")).isRegularFile();
    }
}
