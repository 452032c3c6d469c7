package dev.costagent.llm.reliability;

import static dev.costagent.llm.testing.Wire.openAiCompletion;
import static dev.costagent.llm.testing.Wire.openAiDelta;
import static dev.costagent.llm.testing.Wire.openAiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.llm.client.ApiKey;
import dev.costagent.llm.client.AuthenticationException;
import dev.costagent.llm.client.InvalidRequestException;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.MalformedResponseException;
import dev.costagent.llm.client.ModelNotFoundException;
import dev.costagent.llm.client.QuotaExceededException;
import dev.costagent.llm.client.RateLimitedException;
import dev.costagent.llm.client.ServerErrorException;
import dev.costagent.llm.provider.openai.OpenAiClient;
import dev.costagent.llm.testing.FakeTime;
import dev.costagent.llm.testing.ScriptedServer;
import dev.costagent.llm.testing.ScriptedServer.Reply;
import dev.costagent.llm.transport.Endpoint;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries end to end: a real adapter against a loopback server, with waits recorded instead of spent. */
class ReliableLlmClientTest {

    private static final String KEY = "sk-test-RELIABLE-SECRET";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final ScriptedServer server = ScriptedServer.start();
    private final FakeTime time = new FakeTime();
    private final ReliableLlmClient client = ReliableLlmClient.builder(new OpenAiClient(new Endpoint(
                    server.url("/v1"),
                    ApiKey.of(KEY),
                    HttpClient.Version.HTTP_1_1,
                    Duration.ofSeconds(2),
                    Clock.fixed(NOW, ZoneOffset.UTC))))
            .sleeper(time)
            .ticker(time)
            .jitter(() -> 0.5)
            .cacheSize(0)
            .build();

    @AfterEach
    void stop() {
        server.close();
    }

    private static LlmRequest request() {
        return LlmRequest.builder()
                .model("gpt-4o-mini")
                .user("Explain 42.")
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    private static Reply rateLimited() {
        return Reply.json(429, openAiError("Rate limit reached for requests", "requests", "rate_limit_exceeded"));
    }

    @Test
    void waitsAsLongAsRetryAfterSecondsSaysPlusJitter() {
        server.enqueue(rateLimited().withHeader("Retry-After", "2"), Reply.json(200, openAiCompletion("ok")));

        LlmResponse response = client.complete(request());

        assertThat(response.text()).isEqualTo("ok");
        assertThat(server.requests()).hasSize(2);
        // jitter 0.5 adds 10%: never less than asked, spread so that clients told the same instant do not collide.
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(2200));
    }

    @Test
    void waitsUntilTheRetryAfterHttpDate() {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(NOW.plusSeconds(5), ZoneOffset.UTC));
        server.enqueue(rateLimited().withHeader("Retry-After", inFiveSeconds), Reply.json(200, openAiCompletion("ok")));

        client.complete(request());

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(5500));
    }

    @Test
    void honoursTheExhaustedRateLimitResetHeader() {
        server.enqueue(
                rateLimited()
                        .withHeader("x-ratelimit-remaining-requests", "0")
                        .withHeader("x-ratelimit-reset-requests", "1.5s")
                        .withHeader("x-ratelimit-remaining-tokens", "9000")
                        .withHeader("x-ratelimit-reset-tokens", "6m0s"),
                Reply.json(200, openAiCompletion("ok")));

        client.complete(request());

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(1650));
    }

    @Test
    void retriesAConflictAsTheOfficialSdksDo() {
        server.enqueue(
                Reply.json(409, openAiError("Lock timeout", "conflict", null)),
                Reply.json(200, openAiCompletion("ok")));

        assertThat(client.complete(request()).text()).isEqualTo("ok");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void xShouldRetryFalseStopsARetryableFailure() {
        server.enqueue(
                Reply.json(500, openAiError("The server had an error", "server_error", null))
                        .withHeader("x-should-retry", "false"),
                Reply.json(200, openAiCompletion("ok")));

        assertThatThrownBy(() -> client.complete(request())).isInstanceOf(ServerErrorException.class);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void xShouldRetryTrueRetriesAnOtherwiseFinalFailure() {
        server.enqueue(
                Reply.json(400, openAiError("Try again", "invalid_request_error", null))
                        .withHeader("x-should-retry", "true"),
                Reply.json(200, openAiCompletion("ok")));

        assertThat(client.complete(request()).text()).isEqualTo("ok");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void serverErrorsBackOffExponentiallyThenSucceed() {
        server.enqueue(
                Reply.json(500, openAiError("The server had an error", "server_error", null)),
                Reply.json(502, "bad gateway"),
                Reply.json(200, openAiCompletion("ok")));

        assertThat(client.complete(request()).text()).isEqualTo("ok");

        // Jitter fixed at 0.5: wait = base/2 + 0.5*base/2 = 0.75 * base, base = 500 ms, then 1000 ms.
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750));
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void serverErrorIgnoresTheRateLimitWindowHeaders() {
        server.enqueue(
                Reply.json(500, "oops")
                        .withHeader("x-ratelimit-remaining-tokens", "0")
                        .withHeader("x-ratelimit-reset-tokens", "6m0s"),
                Reply.json(200, openAiCompletion("ok")));

        assertThat(client.complete(request()).text()).isEqualTo("ok");
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(375));
    }

    @Test
    void givesUpAfterMaxAttempts() {
        server.otherwise(request -> Reply.json(503, "unavailable"));

        assertThatThrownBy(() -> client.complete(request())).isInstanceOf(ServerErrorException.class);

        assertThat(server.requests()).hasSize(RetryPolicy.DEFAULT.maxAttempts());
        assertThat(time.sleeps()).hasSize(RetryPolicy.DEFAULT.maxAttempts() - 1);
    }

    @Test
    void neverRetriesBadRequestAuthenticationOrQuota() {
        server.enqueue(Reply.json(400, openAiError("bad", "invalid_request_error", null)));
        assertThatThrownBy(() -> client.complete(request())).isInstanceOf(InvalidRequestException.class);
        server.enqueue(Reply.json(
                401, openAiError("Incorrect API key provided: " + KEY, "invalid_request_error", "invalid_api_key")));
        assertThatThrownBy(() -> client.complete(request()))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageNotContaining(KEY);
        server.enqueue(Reply.json(403, openAiError("forbidden", "invalid_request_error", null)));
        assertThatThrownBy(() -> client.complete(request())).isInstanceOf(AuthenticationException.class);
        server.enqueue(
                Reply.json(404, openAiError("The model does not exist", "invalid_request_error", "model_not_found")));
        assertThatThrownBy(() -> client.complete(request())).isInstanceOf(ModelNotFoundException.class);
        server.enqueue(Reply.json(
                        429, openAiError("You exceeded your current quota", "insufficient_quota", "insufficient_quota"))
                .withHeader("Retry-After", "1"));
        assertThatThrownBy(() -> client.complete(request())).isInstanceOf(QuotaExceededException.class);

        assertThat(server.requests()).hasSize(5);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void refusesARetryAfterLongerThanTheCap() {
        server.enqueue(rateLimited().withHeader("Retry-After", "3600"), Reply.json(200, openAiCompletion("ok")));

        assertThatThrownBy(() -> client.complete(request())).isInstanceOf(RateLimitedException.class);
        assertThat(server.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void doesNotWaitPastTheCallsBudget() {
        server.enqueue(rateLimited().withHeader("Retry-After", "10"), Reply.json(200, openAiCompletion("ok")));

        assertThatThrownBy(() -> client.complete(request().withTimeout(Duration.ofSeconds(5))))
                .isInstanceOf(RateLimitedException.class);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void malformedAnswersAreNotRetried() {
        server.enqueue(Reply.json(200, "{\"choices\": [ oops"), Reply.json(200, openAiCompletion("ok")));

        assertThatThrownBy(() -> client.complete(request())).isInstanceOf(MalformedResponseException.class);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void streamIsRetriedOnlyBeforeTheFirstFragment() {
        server.enqueue(rateLimited().withHeader("Retry-After", "1"), Reply.sse(openAiDelta("ok"), "data: [DONE]\n\n"));
        List<String> fragments = new ArrayList<>();

        assertThat(client.stream(request(), fragments::add).text()).isEqualTo("ok");
        assertThat(fragments).containsExactly("ok");

        server.enqueue(
                Reply.sse(
                        openAiDelta("half"), "data: {\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}\n\n"),
                Reply.sse(openAiDelta("again"), "data: [DONE]\n\n"));
        assertThatThrownBy(() -> client.stream(request(), fragments::add)).isInstanceOf(ServerErrorException.class);
        assertThat(fragments).containsExactly("ok", "half");
    }
}
