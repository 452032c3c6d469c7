package dev.costagent.llm.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costagent.llm.client.ApiKey;
import dev.costagent.llm.client.ErrorDetails;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.MalformedResponseException;
import dev.costagent.llm.client.ServerErrorException;
import dev.costagent.llm.client.TokenListener;
import dev.costagent.llm.client.TokenUsage;
import dev.costagent.llm.transport.JsonBodies;
import dev.costagent.llm.transport.ProviderError;
import dev.costagent.llm.transport.ProviderProtocol;
import dev.costagent.llm.transport.SseDecoder;
import dev.costagent.llm.transport.StreamDecoder;
import dev.costagent.llm.transport.StreamedAnswer;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Set;

/** Reads Chat Completions answers, {@code chat.completion.chunk} streams and {@code {"error": {...}}} bodies. */
final class OpenAiProtocol extends ProviderProtocol {

    private static final String NAME = "OpenAI";
    private static final Set<String> QUOTA_CODES = Set.of(
            "insufficient_quota", "billing_hard_limit_reached", "billing_not_active", "credit_balance_exhausted");

    OpenAiProtocol(ApiKey apiKey) {
        super(NAME, apiKey);
    }

    @Override
    public LlmResponse decodeBody(byte[] body, HttpHeaders headers) {
        JsonNode root = JsonBodies.parse(body, NAME);
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw new MalformedResponseException(NAME + " answer has no choices", ErrorDetails.NONE);
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.get("message");
        if (message == null || !message.isObject()) {
            throw new MalformedResponseException(NAME + " answer has no message", ErrorDetails.NONE);
        }
        return new LlmResponse(
                JsonBodies.text(message, "content"),
                JsonBodies.text(choice, "finish_reason"),
                usage(root.path("usage")),
                JsonBodies.text(root, "model"),
                Duration.ZERO,
                headers.firstValue("x-request-id").orElse(JsonBodies.text(root, "id")));
    }

    @Override
    public StreamDecoder newStreamDecoder(HttpHeaders headers, TokenListener listener) {
        return new ChunkStream(headers.firstValue("x-request-id").orElse(""), listener);
    }

    @Override
    public ProviderError decodeError(int status, HttpHeaders headers, String body) {
        String requestId = headers.firstValue("x-request-id").orElse("");
        JsonNode root = JsonBodies.parseLeniently(body);
        if (root == null || !root.path("error").isObject()) {
            return new ProviderError("", "", false, requestId);
        }
        JsonNode error = root.get("error");
        String code = JsonBodies.text(error, "code");
        String type = JsonBodies.text(error, "type");
        boolean quota = QUOTA_CODES.contains(code) || QUOTA_CODES.contains(type);
        return new ProviderError(code.isEmpty() ? type : code, JsonBodies.text(error, "message"), quota, requestId);
    }

    static TokenUsage usage(JsonNode usage) {
        if (!usage.isObject()) {
            return TokenUsage.ZERO;
        }
        long cached = usage.path("prompt_tokens_details").path("cached_tokens").asLong(0);
        return new TokenUsage(
                usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0),
                cached);
    }

    /** Aggregates {@code data: {chunk}} events until {@code data: [DONE]}. */
    private final class ChunkStream implements StreamDecoder {
        private final SseDecoder sse = new SseDecoder(this::onEvent);
        private final StreamedAnswer answer;
        private boolean done;

        ChunkStream(String requestId, TokenListener listener) {
            answer = new StreamedAnswer(requestId, listener);
        }

        @Override
        public void onLine(String line) {
            sse.onLine(line);
        }

        private void onEvent(String event, String data) {
            if (data.strip().equals("[DONE]")) {
                done = true;
                return;
            }
            JsonNode chunk = JsonBodies.parse(data, NAME);
            if (chunk.path("error").isObject()) {
                JsonNode error = chunk.get("error");
                String code = JsonBodies.text(error, "code");
                throw new ServerErrorException(
                        NAME + " stream failed: " + scrub(JsonBodies.text(error, "message")),
                        new ErrorDetails(
                                0, code.isEmpty() ? JsonBodies.text(error, "type") : code, answer.requestId(), null));
            }
            answer.requestIdIfAbsent(JsonBodies.text(chunk, "id"));
            answer.modelIfAbsent(JsonBodies.text(chunk, "model"));
            JsonNode choices = chunk.path("choices");
            if (choices.isArray() && !choices.isEmpty()) {
                JsonNode choice = choices.get(0);
                answer.append(JsonBodies.text(choice.path("delta"), "content"));
                answer.stopReason(JsonBodies.text(choice, "finish_reason"));
            }
            if (chunk.path("usage").isObject()) {
                answer.usage(usage(chunk.get("usage")));
            }
        }

        @Override
        public LlmResponse finish() {
            // Some compatible servers omit [DONE]; a finish reason also marks a complete answer.
            if (!done && !answer.hasStopReason()) {
                throw answer.truncated(NAME + " stream ended before its end marker (truncated)");
            }
            return answer.response();
        }
    }
}
