package dev.costagent.llm.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costagent.llm.client.ErrorDetails;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.MalformedResponseException;
import dev.costagent.llm.client.Message;
import dev.costagent.llm.client.ServerErrorException;
import dev.costagent.llm.client.TokenListener;
import dev.costagent.llm.client.TokenUsage;
import dev.costagent.llm.transport.Endpoint;
import dev.costagent.llm.transport.JsonBodies;
import dev.costagent.llm.transport.ProviderClient;
import dev.costagent.llm.transport.ProviderError;
import dev.costagent.llm.transport.ProviderProtocol;
import dev.costagent.llm.transport.StreamDecoder;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Talks to {@code POST {baseUrl}/api/chat} (base URL e.g. {@code http://localhost:11434}). A key, when configured,
 * goes in {@code Authorization: Bearer} (hosted Ollama); a local server needs none.
 */
public final class OllamaClient extends ProviderClient implements ProviderProtocol {

    private static final String NAME = "Ollama";

    private final URI chatUri;

    /** An adapter for the given endpoint. */
    public OllamaClient(Endpoint endpoint) {
        super(endpoint);
        this.chatUri = endpoint.resolve("api/chat");
    }

    @Override
    public String name() {
        return "ollama";
    }

    @Override
    public String displayName() {
        return NAME;
    }

    @Override
    protected ProviderProtocol protocol() {
        return this;
    }

    @Override
    protected HttpRequest httpRequest(LlmRequest request, boolean stream) {
        HttpRequest.Builder http = HttpRequest.newBuilder(chatUri)
                .timeout(request.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JsonBodies.write(body(request, stream))));
        if (endpoint().apiKey() != null) {
            http.header("Authorization", "Bearer " + endpoint().apiKey().reveal());
        }
        return http.build();
    }

    /** The documented body: model, messages, stream flag (Ollama streams by default), format, options. */
    static ObjectNode body(LlmRequest request, boolean stream) {
        ObjectNode body = JsonBodies.object();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        if (!request.systemPrompt().isEmpty()) {
            messages.addObject().put("role", "system").put("content", request.systemPrompt());
        }
        for (Message message : request.messages()) {
            messages.addObject().put("role", message.role().wireName()).put("content", message.content());
        }
        body.put("stream", stream);
        if (request.jsonSchema() != null) {
            body.set("format", JsonBodies.schema(request.jsonSchema().schemaJson()));
        }
        ObjectNode options = body.putObject("options");
        options.put("temperature", request.temperature());
        options.put("num_predict", request.maxTokens());
        return body;
    }

    @Override
    public LlmResponse decodeBody(byte[] body, HttpHeaders headers) {
        JsonNode root = JsonBodies.parse(body, NAME);
        JsonNode message = root.get("message");
        if (message == null || !message.isObject()) {
            throw new MalformedResponseException(NAME + " answer has no message", ErrorDetails.NONE);
        }
        return new LlmResponse(JsonBodies.text(message, "content"), JsonBodies.text(root, "done_reason"),
                usage(root), JsonBodies.text(root, "model"), Duration.ZERO, "");
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
        return new TokenUsage(root.path("prompt_eval_count").asLong(0), root.path("eval_count").asLong(0), 0);
    }

    /** One JSON object a line; the last has {@code "done": true} and the counts. */
    private final class NdjsonStream implements StreamDecoder {
        private final TokenListener listener;
        private final StringBuilder text = new StringBuilder();
        private String model = "";
        private String doneReason = "";
        private TokenUsage usage = TokenUsage.ZERO;
        private boolean done;

        NdjsonStream(TokenListener listener) {
            this.listener = listener;
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
            if (model.isEmpty()) {
                model = JsonBodies.text(chunk, "model");
            }
            String fragment = JsonBodies.text(chunk.path("message"), "content");
            if (!fragment.isEmpty()) {
                text.append(fragment);
                listener.onToken(fragment);
            }
            if (chunk.path("done").asBoolean(false)) {
                done = true;
                doneReason = JsonBodies.text(chunk, "done_reason");
                usage = usage(chunk);
            }
        }

        @Override
        public LlmResponse finish() {
            if (!done) {
                throw new MalformedResponseException(NAME + " stream ended before \"done\": true (truncated)",
                        ErrorDetails.NONE);
            }
            return new LlmResponse(text.toString(), doneReason, usage, model, Duration.ZERO, "");
        }

        private String scrub(String message) {
            return endpoint().apiKey() == null ? message : endpoint().apiKey().scrub(message);
        }
    }
}
