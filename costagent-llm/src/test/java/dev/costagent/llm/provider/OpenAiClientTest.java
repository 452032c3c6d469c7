package dev.costagent.llm.provider;

import static dev.costagent.llm.testing.Wire.openAiChunk;
import static dev.costagent.llm.testing.Wire.openAiCompletion;
import static dev.costagent.llm.testing.Wire.openAiDelta;
import static dev.costagent.llm.testing.Wire.openAiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costagent.llm.client.ApiKey;
import dev.costagent.llm.client.AuthenticationException;
import dev.costagent.llm.client.InvalidRequestException;
import dev.costagent.llm.client.JsonSchemaFormat;
import dev.costagent.llm.client.LlmException;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.LlmTimeoutException;
import dev.costagent.llm.client.MalformedResponseException;
import dev.costagent.llm.client.QuotaExceededException;
import dev.costagent.llm.client.RateLimitedException;
import dev.costagent.llm.client.ServerErrorException;
import dev.costagent.llm.client.TokenUsage;
import dev.costagent.llm.provider.openai.OpenAiClient;
import dev.costagent.llm.testing.ScriptedServer;
import dev.costagent.llm.testing.ScriptedServer.Recorded;
import dev.costagent.llm.testing.ScriptedServer.Reply;
import dev.costagent.llm.transport.Endpoint;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OpenAI Chat Completions adapter against a loopback server speaking the documented wire format. */
class OpenAiClientTest {

    private static final String KEY = "sk-test-0123456789abcdefSECRET";

    private final ScriptedServer server = ScriptedServer.start();
    private final OpenAiClient client = new OpenAiClient(new Endpoint(
            server.url("/v1"), ApiKey.of(KEY), HttpClient.Version.HTTP_1_1, Duration.ofSeconds(2), Clock.systemUTC()));

    @AfterEach
    void stop() {
        server.close();
    }

    private static LlmRequest request() {
        return LlmRequest.builder()
                .model("gpt-4o-mini")
                .systemPrompt("Be brief.")
                .user("Explain 42.")
                .maxTokens(64)
                .timeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void sendsTheDocumentedRequestAndReadsTheAnswer() {
        server.enqueue(Reply.json(200, openAiCompletion("Spend rose 42.")).withHeader("x-request-id", "req_abc"));

        LlmResponse response = client.complete(LlmRequest.builder()
                .model("gpt-4o-mini")
                .systemPrompt("Be brief.")
                .user("Explain 42.")
                .maxTokens(64)
                .jsonSchema(new JsonSchemaFormat("narrative", "{\"type\":\"object\"}"))
                .build());

        assertThat(response.text()).isEqualTo("Spend rose 42.");
        assertThat(response.finishReason()).isEqualTo("stop");
        assertThat(response.usage()).isEqualTo(new TokenUsage(120, 30, 64));
        assertThat(response.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(response.requestId()).isEqualTo("req_abc");
        assertThat(response.latency()).isPositive();
        Recorded sent = server.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Explain 42.");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.path("temperature").asDouble()).isZero();
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(body.path("response_format").path("json_schema").path("name").asText())
                .isEqualTo("narrative");
        assertThat(body.has("stream")).isFalse();
    }

    @Test
    void streamsFragmentsAndTakesUsageFromTheLastChunk() {
        server.enqueue(Reply.sse(
                openAiChunk("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                        + "\"finish_reason\":null}],\"usage\":null}"),
                openAiDelta("Spend "),
                openAiDelta("rose "),
                openAiDelta("42."),
                openAiChunk("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
                        + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}"),
                openAiChunk("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
                        + "\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":3,"
                        + "\"total_tokens\":14}}"),
                "data: [DONE]\n\n"));
        List<String> fragments = new ArrayList<>();

        LlmResponse response = client.stream(request(), fragments::add);

        assertThat(fragments).containsExactly("Spend ", "rose ", "42.");
        assertThat(response.text()).isEqualTo("Spend rose 42.");
        assertThat(response.finishReason()).isEqualTo("stop");
        assertThat(response.usage()).isEqualTo(new TokenUsage(11, 3, 0));
        JsonNode body = server.requests().get(0).json();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean())
                .isTrue();
    }

    @Test
    void badRequestIsTypedWithCodeAndRequestId() {
        server.enqueue(Reply.json(
                        400, openAiError("Invalid value for 'temperature'", "invalid_request_error", "invalid_value"))
                .withHeader("x-request-id", "req_400"));

        assertThatThrownBy(() -> client.complete(request()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.providerCode()).isEqualTo("invalid_value");
                    assertThat(e.requestId()).isEqualTo("req_400");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("Invalid value for 'temperature'");
                });
    }

    @Test
    void unauthorizedNeverEchoesTheKey() {
        server.enqueue(Reply.json(
                401,
                openAiError("Incorrect API key provided: " + KEY + ".", "invalid_request_error", "invalid_api_key")));

        assertThatThrownBy(() -> client.complete(request()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain(KEY).contains("[redacted]");
                    assertThat(e.toString()).doesNotContain(KEY);
                });
        assertThat(client.toString()).doesNotContain(KEY);
    }

    @Test
    void quotaExhaustionIsNotARateLimit() {
        server.enqueue(Reply.json(
                429, openAiError("You exceeded your current quota", "insufficient_quota", "insufficient_quota")));

        assertThatThrownBy(() -> client.complete(request()))
                .isInstanceOfSatisfying(
                        QuotaExceededException.class,
                        e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void rateLimitCarriesTheRetryAfterHint() {
        server.enqueue(Reply.json(429, openAiError("Rate limit reached", "requests", "rate_limit_exceeded"))
                .withHeader("retry-after", "3"));

        assertThatThrownBy(() -> client.complete(request())).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        });
    }

    @Test
    void serverErrorIsRetryable() {
        server.enqueue(Reply.json(503, "upstream connect error"));

        assertThatThrownBy(() -> client.complete(request())).isInstanceOfSatisfying(ServerErrorException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryable()).isTrue();
        });
    }

    @Test
    void malformedJsonIsReportedNotThrownRaw() {
        server.enqueue(Reply.json(200, "{\"id\":\"x\",\"choices\":[{\"message\":"));

        assertThatThrownBy(() -> client.complete(request()))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void answerWithoutChoicesIsMalformed() {
        server.enqueue(Reply.json(200, "{\"id\":\"x\",\"choices\":[]}"));

        assertThatThrownBy(() -> client.complete(request()))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("no choices");
    }

    @Test
    void truncatedStreamIsMalformed() {
        server.enqueue(Reply.sse(openAiDelta("Spend "), openAiDelta("rose")));
        List<String> fragments = new ArrayList<>();

        assertThatThrownBy(() -> client.stream(request(), fragments::add))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("truncated");
        assertThat(fragments).containsExactly("Spend ", "rose");
    }

    @Test
    void malformedStreamLineIsReportedAtOnce() {
        server.enqueue(Reply.sse(openAiDelta("Spend "), "data: {not json\n\n").thenStall());

        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThatThrownBy(() -> client.stream(request().withTimeout(Duration.ofSeconds(8)), f -> {}))
                        .isInstanceOf(MalformedResponseException.class));
    }

    @Test
    void errorInsideTheStreamIsTyped() {
        server.enqueue(Reply.sse(
                openAiDelta("Spend "), openAiChunk(openAiError("The server had an error", "server_error", null))));

        assertThatThrownBy(() -> client.stream(request(), f -> {}))
                .isInstanceOf(ServerErrorException.class)
                .hasMessageContaining("server had an error");
    }

    @Test
    void answerSlowerThanTheBudgetTimesOut() {
        server.enqueue(Reply.sse(openAiDelta("Spend ")).thenStall());

        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThatThrownBy(() -> client.stream(request().withTimeout(Duration.ofMillis(300)), f -> {}))
                        .isInstanceOf(LlmTimeoutException.class));
        server.enqueue(Reply.json(200, openAiCompletion("late")).after(Duration.ofSeconds(5)));
        assertTimeoutPreemptively(
                Duration.ofSeconds(4),
                () -> assertThatThrownBy(() -> client.complete(request().withTimeout(Duration.ofMillis(300))))
                        .isInstanceOf(LlmTimeoutException.class)
                        .extracting(e -> ((LlmException) e).retryable())
                        .isEqualTo(true));
    }

    @Test
    void keepsTheBaseUrlPathAndSendsNoAuthorizationWithoutAKey() {
        server.enqueue(Reply.json(200, openAiCompletion("ok")));
        OpenAiClient compatible = new OpenAiClient(Endpoint.of(server.url("/openai/v1/"), null));

        compatible.complete(request());

        Recorded sent = server.requests().get(0);
        assertThat(sent.path()).isEqualTo("/openai/v1/chat/completions");
        assertThat(sent.header("authorization")).isNull();
    }
}
