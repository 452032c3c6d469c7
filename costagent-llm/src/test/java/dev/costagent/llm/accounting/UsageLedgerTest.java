package dev.costagent.llm.accounting;

import static dev.costagent.llm.testing.Wire.openAiCompletion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.TokenUsage;
import dev.costagent.llm.provider.openai.OpenAiClient;
import dev.costagent.llm.reliability.ReliableLlmClient;
import dev.costagent.llm.testing.ScriptedServer;
import dev.costagent.llm.testing.ScriptedServer.Reply;
import dev.costagent.llm.transport.Endpoint;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens per run and model, and their price. */
class UsageLedgerTest {

    @Test
    void pricesPerMillionTokensWithCachedInputAndDatedSnapshots() {
        PriceTable prices = PriceTable.parse("gpt-4o-mini=0.15/0.60/0.075; claude-3-5-haiku=0.80/4.00");
        UsageLedger ledger = new UsageLedger();
        ledger.record("gpt-4o-mini-2024-07-18", new TokenUsage(1_000_000, 200_000, 400_000));
        ledger.record("claude-3-5-haiku-20241022", new TokenUsage(10_000, 1_000, 0));
        ledger.record("llama3.2", new TokenUsage(5, 5, 0));

        UsageReport report = ledger.report(prices);

        // 600k uncached * 0.15 + 400k cached * 0.075 + 200k out * 0.60 = 0.09 + 0.03 + 0.12 = 0.24
        // 10k in * 0.80 + 1k out * 4.00 = 0.008 + 0.004 = 0.012
        assertThat(report.dollars()).isEqualByComparingTo(new BigDecimal("0.252"));
        assertThat(report.calls()).isEqualTo(3);
        assertThat(report.total()).isEqualTo(new TokenUsage(1_010_005, 201_005, 400_000));
        assertThat(report.byModel()).containsKeys("gpt-4o-mini-2024-07-18", "claude-3-5-haiku-20241022");
        assertThat(report.unpricedModels()).isEqualTo(List.of("llama3.2"));
    }

    @Test
    void badPriceEntriesAreNamed() {
        assertThatThrownBy(() -> PriceTable.parse("gpt-4o=2.5")).hasMessageContaining("'gpt-4o=2.5'");
        assertThatThrownBy(() -> PriceTable.parse("gpt-4o=a/b")).hasMessageContaining("non-numeric");
    }

    @Test
    void meteringCountsBilledCallsButNotCacheHits() {
        try (ScriptedServer server = ScriptedServer.start()) {
            server.otherwise(request -> Reply.json(200, openAiCompletion("ok")));
            UsageLedger ledger = new UsageLedger();
            ReliableLlmClient client = ReliableLlmClient.builder(
                            new MeteredLlmClient(new OpenAiClient(Endpoint.of(server.url("/v1"), null)), ledger))
                    .build();
            LlmRequest request =
                    LlmRequest.builder().model("gpt-4o-mini").user("hi").build();

            client.complete(request);
            client.complete(request);
            client.complete(
                    LlmRequest.builder().model("gpt-4o-mini").user("other").build());

            assertThat(ledger.byModel()).containsOnlyKeys("gpt-4o-mini-2024-07-18");
            assertThat(ledger.total()).isEqualTo(new TokenUsage(240, 60, 128));
            assertThat(ledger.report(PriceTable.EMPTY).calls()).isEqualTo(2);
        }
    }
}
