package dev.costagent.llm.provider;

import static dev.costagent.llm.testing.Wire.anthropicError;
import static dev.costagent.llm.testing.Wire.anthropicEvent;
import static dev.costagent.llm.testing.Wire.anthropicMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costagent.llm.client.ApiKey;
import dev.costagent.llm.client.AuthenticationException;
import dev.costagent.llm.client.JsonSchemaFormat;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.MalformedResponseException;
import dev.costagent.llm.client.QuotaExceededException;
import dev.costagent.llm.client.RateLimitedException;
import dev.costagent.llm.client.ServerErrorException;
import dev.costagent.llm.client.TokenUsage;
import dev.costagent.llm.provider.anthropic.AnthropicClient;
import dev.costagent.llm.testing.ScriptedServer;
import dev.costagent.llm.testing.ScriptedServer.Recorded;
import dev.costagent.llm.testing.ScriptedServer.Reply;
import dev.costagent.llm.transport.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Anthropic Messages adapter against a loopback server speaking the documented format and event stream. */
class AnthropicClientTest {

    private static final String KEY = "sk-ant-api03-TESTSECRET";

    private final ScriptedServer server = ScriptedServer.start();
    private final AnthropicClient client = new AnthropicClient(Endpoint.of(server.url(""), ApiKey.of(KEY)));

    @AfterEach
    void stop() {
        server.close();
    }

    private static LlmRequest request() {
        return LlmRequest.builder()
                .model("claude-3-5-haiku-latest")
                .systemPrompt("Be brief.")
                .user("Explain 42.")
                .maxTokens(100)
                .timeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void sendsTheDocumentedRequestAndReadsTheAnswer() {
        server.enqueue(Reply.json(200, anthropicMessage("Spend rose 42.")).withHeader("request-id", "req_1"));

        LlmResponse response = client.complete(LlmRequest.builder()
                .model("claude-3-5-haiku-latest")
                .systemPrompt("Be brief.")
                .user("Explain 42.")
                .jsonSchema(new JsonSchemaFormat("n", "{\"type\":\"object\"}"))
                .build());

        assertThat(response.text()).isEqualTo("Spend rose 42.");
        assertThat(response.finishReason()).isEqualTo("end_turn");
        assertThat(response.usage()).isEqualTo(new TokenUsage(120, 25, 20));
        assertThat(response.requestId()).isEqualTo("req_1");
        Recorded sent = server.requests().get(0);
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.header("x-api-key")).isEqualTo(KEY);
        assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
        JsonNode body = sent.json();
        assertThat(body.path("system").asText()).startsWith("Be brief.").contains("JSON Schema");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(512);
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
    }

    @Test
    void baseUrlEndingInV1IsAcceptedToo() {
        server.enqueue(Reply.json(200, anthropicMessage("ok")));
        new AnthropicClient(Endpoint.of(server.url("/v1"), ApiKey.of(KEY))).complete(request());

        assertThat(server.requests().get(0).path()).isEqualTo("/v1/messages");
    }

    @Test
    void streamsTheDocumentedEvents() {
        server.enqueue(Reply.sse(
                anthropicEvent(
                        "message_start",
                        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
                                + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-3-5-haiku\","
                                + "\"stop_reason\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}"),
                anthropicEvent(
                        "content_block_start",
                        "{\"type\":\"content_block_start\",\"index\":0,"
                                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                anthropicEvent("ping", "{\"type\":\"ping\"}"),
                anthropicEvent(
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":0,"
                                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Spend \"}}"),
                anthropicEvent(
                        "content_block_delta",
                        "{\"type\":\"content_block_delta\",\"index\":0,"
                                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"rose.\"}}"),
                anthropicEvent("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                anthropicEvent(
                        "message_delta",
                        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}"),
                anthropicEvent("message_stop", "{\"type\":\"message_stop\"}")));
        List<String> fragments = new ArrayList<>();

        LlmResponse response = client.stream(request(), fragments::add);

        assertThat(fragments).containsExactly("Spend ", "rose.");
        assertThat(response.text()).isEqualTo("Spend rose.");
        assertThat(response.finishReason()).isEqualTo("end_turn");
        assertThat(response.usage()).isEqualTo(new TokenUsage(25, 15, 0));
        assertThat(response.requestId()).isEqualTo("msg_1");
        assertThat(server.requests().get(0).json().path("stream").asBoolean()).isTrue();
    }

    @Test
    void overloadedIsARetryableServerError() {
        server.enqueue(Reply.json(529, anthropicError("overloaded_error", "Overloaded")));

        assertThatThrownBy(() -> client.complete(request())).isInstanceOfSatisfying(ServerErrorException.class, e -> {
            assertThat(e.status()).isEqualTo(529);
            assertThat(e.providerCode()).isEqualTo("overloaded_error");
            assertThat(e.requestId()).isEqualTo("req_011");
            assertThat(e.retryable()).isTrue();
        });
    }

    @Test
    void spendLimitsAreQuotaNotRateLimits() {
        server.enqueue(Reply.json(
                400,
                anthropicError(
                        "invalid_request_error",
                        "You have reached your specified API usage limits. You will regain access on 2026-12-01.")));
        assertThatThrownBy(() -> client.complete(request())).isInstanceOf(QuotaExceededException.class);

        server.enqueue(Reply.json(
                429,
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":"
                        + "\"spend cap\",\"details\":{\"error_code\":\"enforced_spend_limit_reached\"}}}"));
        assertThatThrownBy(() -> client.complete(request())).isInstanceOf(QuotaExceededException.class);

        server.enqueue(Reply.json(429, anthropicError("rate_limit_error", "Number of requests has exceeded"))
                .withHeader("retry-after", "7"));
        assertThatThrownBy(() -> client.complete(request()))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void authenticationErrorDoesNotLeakTheKey() {
        server.enqueue(Reply.json(401, anthropicError("authentication_error", "invalid x-api-key " + KEY)));

        assertThatThrownBy(() -> client.complete(request()))
                .isInstanceOfSatisfying(
                        AuthenticationException.class,
                        e -> assertThat(e.getMessage()).doesNotContain(KEY));
    }

    @Test
    void errorEventInsideTheStreamIsTyped() {
        server.enqueue(Reply.sse(
                anthropicEvent(
                        "message_start",
                        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
                                + "\"model\":\"m\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}"),
                anthropicEvent("error", anthropicError("overloaded_error", "Overloaded"))));

        assertThatThrownBy(() -> client.stream(request(), f -> {}))
                .isInstanceOfSatisfying(
                        ServerErrorException.class,
                        e -> assertThat(e.providerCode()).isEqualTo("overloaded_error"));
    }

    @Test
    void truncatedStreamIsMalformed() {
        server.enqueue(Reply.sse(anthropicEvent(
                "content_block_delta",
                "{\"type\":\"content_block_delta\","
                        + "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Spend\"}}")));

        assertThatThrownBy(() -> client.stream(request(), f -> {}))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("message_stop");
    }
}
