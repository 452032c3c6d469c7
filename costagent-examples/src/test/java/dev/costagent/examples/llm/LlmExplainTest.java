package dev.costagent.examples.llm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.agent.Report;
import dev.costagent.core.narrate.Narrative;
import dev.costagent.core.narrate.NarrativeSource;
import dev.costagent.llm.config.LlmProvider;
import dev.costagent.llm.config.LlmSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmExplainTest {

    @Test
    void withoutAProviderEveryExplanationIsTheTemplates(@TempDir Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report report = LlmExplain.explain(LlmSettings.builder().build(), dir, new PrintStream(bytes, true, UTF_8));

        assertThat(report.narratives())
                .isNotEmpty()
                .extracting(Narrative::source)
                .containsOnly(NarrativeSource.TEMPLATE);
        assertThat(bytes.toString(UTF_8)).contains("No provider configured").contains("[template] summary");
    }

    @Test
    void theStandInModelWritesExplanationsThatPassTheFactCheck(@TempDir Path dir) {
        try (StandInModel model = StandInModel.start(Duration.ofMillis(20))) {
            LlmSettings settings = LlmSettings.builder()
                    .provider(LlmProvider.OPENAI)
                    .baseUrl(model.baseUrl())
                    .model("stand-in")
                    .build();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Report report = LlmExplain.explain(settings, dir, new PrintStream(bytes, true, UTF_8));

            assertThat(report.narratives())
                    .isNotEmpty()
                    .extracting(Narrative::source)
                    .containsOnly(NarrativeSource.MODEL);
            assertThat(report.narratives()).allSatisfy(n -> assertThat(n.text()).startsWith("Stand-in model on"));
            assertThat(model.requests()).isEqualTo(report.narratives().size());
            assertThat(bytes.toString(UTF_8))
                    .contains("[model] summary")
                    .contains("Model calls: " + report.narratives().size());
        }
    }
}
