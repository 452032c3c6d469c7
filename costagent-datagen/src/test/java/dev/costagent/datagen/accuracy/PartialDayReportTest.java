package dev.costagent.datagen.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.narrate.Narrative;
import dev.costagent.core.report.ReportFormat;
import dev.costagent.core.report.ReportWriter;
import dev.costagent.core.source.RecordsSource;
import dev.costagent.datagen.GeneratorSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A partial last day reaches every format: JSON key, Markdown row, HTML note and the forecast narrative. */
class PartialDayReportTest {
    private static final LocalDate START = LocalDate.of(2024, 7, 1);
    private static final LocalDate LAST = START.plusDays(34);

    private static Report run(boolean cut) {
        Instant at = LAST.atStartOfDay(ZoneOffset.UTC).plusSeconds(10 * 3600L).toInstant();
        List<CostRecord> rows = new ArrayList<>();
        for (CostRecord r : GeneratorSpec.builder()
                .seed(100)
                .rows(30_000)
                .days(35)
                .start(START)
                .noise(0.05)
                .generator()) {
            if (!cut || r.chargePeriodStart() == null || r.chargePeriodStart().isBefore(at)) {
                rows.add(r);
            }
        }
        try (CostAgent agent =
                CostAgent.builder().source(RecordsSource.of("bill", rows)).build()) {
            return agent.run();
        }
    }

    @Test
    void everyFormatNamesThePartialDayAndHowCompleteItLooks() throws Exception {
        Report report = run(true);
        JsonNode partial = new ObjectMapper()
                .readTree(ReportWriter.render(report, ReportFormat.JSON))
                .path("analyses")
                .path("partialDay");
        assertThat(partial.path("day").asText()).isEqualTo(LAST.toString());
        assertThat(partial.path("completeness").asDouble()).isBetween(0.40, 0.44);
        assertThat(partial.path("providers").size()).isPositive();

        String md = ReportWriter.render(report, ReportFormat.MARKDOWN);
        assertThat(md).contains("| Data quality | **Partial last day**: the last day, " + LAST + ", looks partial");

        String html = ReportWriter.render(report, ReportFormat.HTML);
        assertThat(html)
                .contains("id=\"partial-day\"")
                .contains("the last day, " + LAST + ", looks partial (about 42 %");

        assertThat(report.narratives().stream().map(Narrative::text))
                .anySatisfy(t -> assertThat(t).contains("Data quality: the last day, " + LAST + ", looks partial"));
    }

    @Test
    void aCompleteBillSaysNothingAboutIt() throws Exception {
        Report report = run(false);
        assertThat(new ObjectMapper()
                        .readTree(ReportWriter.render(report, ReportFormat.JSON))
                        .path("analyses")
                        .path("partialDay")
                        .isNull())
                .isTrue();
        assertThat(ReportWriter.render(report, ReportFormat.MARKDOWN)).doesNotContain("Data quality");
        assertThat(ReportWriter.render(report, ReportFormat.HTML)).doesNotContain("partial-day");
    }
}
