package dev.costagent.llm.observe;

import static dev.costagent.llm.testing.Wire.openAiCompletion;
import static dev.costagent.llm.testing.Wire.openAiError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.narrate.Facts;
import dev.costagent.core.narrate.Narrator;
import dev.costagent.llm.accounting.PriceTable;
import dev.costagent.llm.accounting.UsageLedger;
import dev.costagent.llm.accounting.UsageReport;
import dev.costagent.llm.client.ApiKey;
import dev.costagent.llm.client.TokenUsage;
import dev.costagent.llm.config.LlmSettings;
import dev.costagent.llm.config.Narrators;
import dev.costagent.llm.testing.ScriptedServer;
import dev.costagent.llm.testing.ScriptedServer.Reply;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Listeners found by ServiceLoader hear each call; usage counts calls, cache hits and prices with their source. */
class CallListenerTest {

    @Test
    void discoveredListenersHearRequestsResponsesAndErrorsAndAFailingListenerBreaksNothing() {
        RecordingCallListener.EVENTS.clear();
        try (ScriptedServer server = ScriptedServer.start()) {
            server.enqueue(
                    Reply.json(500, openAiError("boom", "server_error", null)),
                    Reply.json(200, openAiCompletion("No figures.")));
            LlmSettings settings = LlmSettings.builder()
                    .provider("openai")
                    .baseUrl(server.url("/v1").toString())
                    .apiKey(ApiKey.of("sk-listen"))
                    .prices(PriceTable.parse("gpt-4o-mini=0.15/0.60/0.075; gpt-4o=2.50/10; "
                            + "source=https://openai.com/api/pricing; asOf=2026-12-01"))
                    .build();
            assertThat(Narrators.discoveredListeners()).hasAtLeastOneElementOfType(RecordingCallListener.class);
            LlmCallListener throwing = new LlmCallListener() {
                @Override
                public void onResponse(Response response) {
                    throw new IllegalStateException("exporter down");
                }
            };
            UsageLedger usage = new UsageLedger();
            List<LlmCallListener> listeners = new java.util.ArrayList<>(Narrators.discoveredListeners());
            listeners.add(throwing);
            listeners.add(new LoggingCallListener());
            Narrator narrator = Narrators.create(settings, usage, listeners);
            Facts facts = new Facts("summary", "summary", Map.of("rows", 3));

            assertThat(narrator.narrate(facts).text()).isEqualTo("No figures.");
            narrator.narrate(facts);

            assertThat(RecordingCallListener.EVENTS).hasSize(4);
            assertThat(RecordingCallListener.EVENTS.get(1))
                    .isInstanceOfSatisfying(
                            LlmCallListener.Failure.class,
                            failure -> assertThat(failure.status()).isEqualTo(500));
            assertThat(RecordingCallListener.EVENTS.get(3))
                    .isInstanceOfSatisfying(
                            LlmCallListener.Response.class,
                            response -> assertThat(response.usage()).isEqualTo(new TokenUsage(120, 30, 64)));
            UsageReport report = usage.report(settings.prices());
            assertThat(report.calls()).isEqualTo(1);
            assertThat(report.cacheHits()).isEqualTo(1);
            assertThat(report.priceSource()).isEqualTo("https://openai.com/api/pricing");
            assertThat(report.priceAsOf()).isEqualTo(LocalDate.parse("2026-12-01"));
            assertThat(report.unpricedModels())
                    .as("gpt-4o-mini-2024-07-18 takes gpt-4o-mini's price")
                    .isEmpty();
            assertThat(report.describe())
                    .startsWith("LLM usage: 1 calls, 1 cache hits, 120 input tokens (64 cached),"
                            + " 30 output tokens; estimated cost $")
                    .contains("(prices: https://openai.com/api/pricing," + " 2026-12-01)");
        }
    }

    @Test
    void pricesMatchWholeModelNamesNotPrefixes() {
        PriceTable prices = PriceTable.parse("gpt-4o=2.50/10; claude-haiku-4-5=1/5/0.10");

        assertThat(prices.priceOf("gpt-4o-mini"))
                .as("gpt-4o is not gpt-4o-mini")
                .isEmpty();
        assertThat(prices.priceOf("gpt-4o-2024-08-06")).isPresent();
        assertThat(prices.priceOf("claude-haiku-4-5-20251001")).isPresent();
        assertThat(prices.priceOf("claude-haiku-4-5-custom")).isEmpty();
        assertThat(prices.priceOf("gpt-4o")).isPresent();
    }
}
