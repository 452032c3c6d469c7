package dev.costagent.llm.config;

import static dev.costagent.llm.testing.Wire.anthropicMessage;
import static dev.costagent.llm.testing.Wire.openAiCompletion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.narrate.Facts;
import dev.costagent.core.narrate.Narrative;
import dev.costagent.core.narrate.NarrativeSource;
import dev.costagent.core.narrate.Narrator;
import dev.costagent.llm.accounting.PriceTable;
import dev.costagent.llm.accounting.UsageLedger;
import dev.costagent.llm.accounting.UsageReport;
import dev.costagent.llm.client.ApiKey;
import dev.costagent.llm.narrate.LlmNarrator;
import dev.costagent.llm.testing.ScriptedServer;
import dev.costagent.llm.testing.ScriptedServer.Reply;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The factory the CLI uses: each provider, configured as a user would, narrates through the whole stack. */
class NarratorsTest {

    private static final String TEXT = "Total cost was {totalCost} across {services.size} services.";

    @ParameterizedTest
    @EnumSource(
            value = LlmProvider.class,
            names = {"OPENAI", "OLLAMA", "ANTHROPIC"})
    void everyProviderNarratesThroughTheFullStack(LlmProvider provider) {
        try (ScriptedServer server = ScriptedServer.start()) {
            String basePath = provider == LlmProvider.OPENAI ? "/v1" : "";
            server.enqueue(Reply.json(
                    200,
                    switch (provider) {
                        case OPENAI -> openAiCompletion(TEXT);
                        case ANTHROPIC -> anthropicMessage(TEXT);
                        default ->
                            "{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"" + TEXT
                                    + "\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":90,\"eval_count\":12}";
                    }));
            LlmSettings settings = LlmSettings.builder()
                    .provider(provider.configName())
                    .baseUrl(server.url(basePath).toString())
                    .apiKey(ApiKey.of("sk-factory"))
                    .prices(PriceTable.parse("gpt-4o-mini=0.15/0.60, claude-3-5-haiku=0.80/4.00, llama3.2=0/0"))
                    .build();
            UsageLedger usage = new UsageLedger();
            Narrator narrator = Narrators.create(settings, usage);
            Facts facts = new Facts(
                    "summary",
                    "summary",
                    Map.of("totalCost", 48211.07, "services", java.util.List.of("EC2", "S3", "RDS")));

            Narrative narrative = narrator.narrate(facts);
            Narrative repeat = narrator.narrate(facts);

            assertThat(narrative)
                    .isEqualTo(new Narrative(
                            "summary", "Total cost was 48,211.07 across 3 services.", NarrativeSource.MODEL));
            assertThat(repeat).isEqualTo(narrative);
            assertThat(server.requests()).hasSize(1);
            assertThat(server.requests().get(0).path())
                    .isEqualTo(
                            switch (provider) {
                                case OPENAI -> "/v1/chat/completions";
                                case ANTHROPIC -> "/v1/messages";
                                default -> "/api/chat";
                            });
            assertThat(((LlmNarrator) narrator).statistics().model()).isEqualTo(2);
            UsageReport report = usage.report(settings.prices());
            assertThat(report.calls()).isEqualTo(1);
            assertThat(report.total().total()).isPositive();
            assertThat(report.unpricedModels()).isEmpty();
        }
    }
}
