package dev.costagent.llm.provider.ollama;

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
import dev.costagent.llm.transport.StreamDecoder;
import dev.costagent.llm.transport.StreamedAnswer;
import java.net.http.HttpHeaders;
import java.time.Duration;

/** Reads {@code /api/chat} answers, NDJSON streams and {@code {"error": "..."}} bodies. */
final class OllamaProtocol extends ProviderProtocol {

    private static final String NAME = "Ollama";

    OllamaProtocol(ApiKey apiKey) {
        super(NAME, apiKey);
    }

    @Override
    public LlmResponse decodeBody(byte[] body, HttpHeaders headers) {
        JsonNode root = JsonBodies.parse(body, NAME);
        JsonNode message = root.get("message");
        if (message == null || !message.isObject()) {
            throw new MalformedResponseException(NAME + " answer has no message", ErrorDetails.NONE);
        }
        return new LlmResponse(
                JsonBodies.text(message, "content"),
                JsonBodies.text(root, "done_reason"),
                usage(root),
                JsonBodies.text(root, "model"),
                Duration.ZERO,
                "");
    }

    @Override
    public StreamDecoder newStreamDecoder(HttpHeaders headers, TokenListener listener) {
        return new NdjsonStream(listener);
    }

    @Override
    public ProviderError decodeError(int status, HttpHeaders headers, String body) {
        JsonNode root = JsonBodies.parseLeniently(body);
        String message = root == null ? "" : JsonBodies.text(root, "error");
        return new ProviderError("", message, false, "");
    }

    private static TokenUsage usage(JsonNode root) {
        return new TokenUsage(
                root.path("prompt_eval_count").asLong(0),
                root.path("eval_count").asLong(0),
                0);
    }

    /** One JSON object a line; the last has {@code "done": true} and the counts. */
    private final class NdjsonStream implements StreamDecoder {
        private final StreamedAnswer answer;
        private boolean done;

        NdjsonStream(TokenListener listener) {
            answer = new StreamedAnswer("", listener);
        }

        @Override
        public void onLine(String line) {
            if (line.isBlank()) {
                return;
            }
            JsonNode chunk = JsonBodies.parse(line, NAME);
            if (chunk.has("error")) {
                String message = JsonBodies.text(chunk, "error");
                throw new ServerErrorException(NAME + " stream failed: " + scrub(message), ErrorDetails.NONE);
            }
            answer.modelIfAbsent(JsonBodies.text(chunk, "model"));
            answer.append(JsonBodies.text(chunk.path("message"), "content"));
            if (chunk.path("done").asBoolean(false)) {
                done = true;
                answer.stopReason(JsonBodies.text(chunk, "done_reason"));
                answer.usage(usage(chunk));
            }
        }

        @Override
        public LlmResponse finish() {
            if (!done) {
                throw answer.truncated(NAME + " stream ended before \"done\": true (truncated)");
            }
            return answer.response();
        }
    }
}
