package dev.costagent.llm.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costagent.llm.client.ApiKey;
import dev.costagent.llm.client.ErrorDetails;
import dev.costagent.llm.client.InvalidRequestException;
import dev.costagent.llm.client.LlmException;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.MalformedResponseException;
import dev.costagent.llm.client.RateLimitedException;
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

/**
 * Reads Messages answers, the documented event stream and {@code {"type": "error", "error": {...}}} bodies,
 * recognizing spend limits (HTTP 402 {@code billing_error}, {@code enforced_spend_limit_reached}, and the 400
 * "reached your specified API usage limits") as quota exhaustion.
 */
final class AnthropicProtocol extends ProviderProtocol {

    private static final String NAME = "Anthropic";
    private static final Set<String> QUOTA_CODES = Set.of("billing_error", "enforced_spend_limit_reached");

    AnthropicProtocol(ApiKey apiKey) {
        super(NAME, apiKey);
    }

    @Override
    public LlmResponse decodeBody(byte[] body, HttpHeaders headers) {
        JsonNode root = JsonBodies.parse(body, NAME);
        JsonNode content = root.get("content");
        if (content == null || !content.isArray()) {
            throw new MalformedResponseException(NAME + " answer has no content", ErrorDetails.NONE);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if (JsonBodies.text(block, "type").equals("text")) {
                text.append(JsonBodies.text(block, "text"));
            }
        }
        return new LlmResponse(
                text.toString(),
                JsonBodies.text(root, "stop_reason"),
                usage(root.path("usage"), TokenUsage.ZERO),
                JsonBodies.text(root, "model"),
                Duration.ZERO,
                headers.firstValue("request-id").orElse(JsonBodies.text(root, "id")));
    }

    @Override
    public StreamDecoder newStreamDecoder(HttpHeaders headers, TokenListener listener) {
        return new EventStream(headers.firstValue("request-id").orElse(""), listener);
    }

    @Override
    public ProviderError decodeError(int status, HttpHeaders headers, String body) {
        JsonNode root = JsonBodies.parseLeniently(body);
        String requestId =
                headers.firstValue("request-id").orElse(root == null ? "" : JsonBodies.text(root, "request_id"));
        if (root == null || !root.path("error").isObject()) {
            return new ProviderError("", "", false, requestId);
        }
        JsonNode error = root.get("error");
        String type = JsonBodies.text(error, "type");
        String detailCode = JsonBodies.text(error.path("details"), "error_code");
        String message = JsonBodies.text(error, "message");
        // A spend limit the organization set comes back as a 400 whose message says so.
        boolean quota = QUOTA_CODES.contains(type)
                || QUOTA_CODES.contains(detailCode)
                || status == 400 && message.contains("reached your specified") && message.contains("usage limits");
        return new ProviderError(detailCode.isEmpty() ? type : detailCode, message, quota, requestId);
    }

    /** Usage with cached prompt tokens folded into the input count, as {@link TokenUsage} defines it. */
    private static TokenUsage usage(JsonNode usage, TokenUsage previous) {
        if (!usage.isObject()) {
            return previous;
        }
        long cacheRead = usage.path("cache_read_input_tokens").asLong(0);
        long cacheWrite = usage.path("cache_creation_input_tokens").asLong(0);
        long input = usage.has("input_tokens")
                ? usage.path("input_tokens").asLong(0) + cacheRead + cacheWrite
                : previous.input();
        long output = usage.has("output_tokens") ? usage.path("output_tokens").asLong(0) : previous.output();
        long cached = usage.has("cache_read_input_tokens") ? cacheRead : previous.cached();
        return new TokenUsage(input, output, cached);
    }

    /** Aggregates the documented events until {@code message_stop}. */
    private final class EventStream implements StreamDecoder {
        private final SseDecoder sse = new SseDecoder(this::onEvent);
        private final StreamedAnswer answer;
        private boolean stopped;

        EventStream(String requestId, TokenListener listener) {
            answer = new StreamedAnswer(requestId, listener);
        }

        @Override
        public void onLine(String line) {
            sse.onLine(line);
        }

        private void onEvent(String event, String data) {
            JsonNode payload = JsonBodies.parse(data, NAME);
            String type = event.isEmpty() ? JsonBodies.text(payload, "type") : event;
            switch (type) {
                case "message_start" -> {
                    JsonNode message = payload.path("message");
                    answer.modelIfAbsent(JsonBodies.text(message, "model"));
                    answer.requestIdIfAbsent(JsonBodies.text(message, "id"));
                    answer.usage(usage(message.path("usage"), answer.usage()));
                }
                case "content_block_delta" -> {
                    JsonNode delta = payload.path("delta");
                    if (JsonBodies.text(delta, "type").equals("text_delta")) {
                        answer.append(JsonBodies.text(delta, "text"));
                    }
                }
                case "message_delta" -> {
                    answer.stopReason(JsonBodies.text(payload.path("delta"), "stop_reason"));
                    answer.usage(usage(payload.path("usage"), answer.usage()));
                }
                case "message_stop" -> stopped = true;
                case "error" -> throw streamError(payload.path("error"));
                default -> {
                    // ping, content_block_start, content_block_stop and future event types carry no text.
                }
            }
        }

        private LlmException streamError(JsonNode error) {
            String type = JsonBodies.text(error, "type");
            String message = NAME + " stream failed: " + scrub(JsonBodies.text(error, "message"));
            ErrorDetails details = new ErrorDetails(0, type, answer.requestId(), null);
            return switch (type) {
                case "rate_limit_error" -> new RateLimitedException(message, details);
                case "overloaded_error", "api_error" -> new ServerErrorException(message, details);
                default -> new InvalidRequestException(message, details);
            };
        }

        @Override
        public LlmResponse finish() {
            if (!stopped) {
                throw answer.truncated(NAME + " stream ended before message_stop (truncated)");
            }
            return answer.response();
        }
    }
}
