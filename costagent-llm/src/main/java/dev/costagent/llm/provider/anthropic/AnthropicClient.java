package dev.costagent.llm.provider.anthropic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.Message;
import dev.costagent.llm.transport.Endpoint;
import dev.costagent.llm.transport.JsonBodies;
import dev.costagent.llm.transport.ProviderClient;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Talks to {@code POST {baseUrl}/v1/messages} (base URL e.g. {@code https://api.anthropic.com}, as the Anthropic
 * SDKs take it; a base URL already ending in {@code /v1} also works). A JSON schema, when asked for, is given to the
 * model as an instruction in the system prompt.
 */
public final class AnthropicClient extends ProviderClient {

    /** The API version this adapter speaks. */
    public static final String API_VERSION = "2023-06-01";

    /** An adapter for the given endpoint. */
    public AnthropicClient(Endpoint endpoint) {
        super(endpoint, messagesUri(endpoint), new AnthropicProtocol(endpoint.apiKey()));
    }

    /** {@code v1/messages} under the base URL, or just {@code messages} when the base URL already ends in /v1. */
    private static URI messagesUri(Endpoint endpoint) {
        String base =
                endpoint.baseUrl().getPath() == null ? "" : endpoint.baseUrl().getPath();
        return endpoint.resolve(base.replaceAll("/+$", "").endsWith("/v1") ? "messages" : "v1/messages");
    }

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    protected void headers(HttpRequest.Builder http, boolean stream) {
        http.header("anthropic-version", API_VERSION);
        if (endpoint().apiKey() != null) {
            http.header("x-api-key", endpoint().apiKey().reveal());
        }
    }

    /** The documented body: model, max_tokens (required), system, messages, temperature, stream. */
    @Override
    protected ObjectNode body(LlmRequest request, boolean stream) {
        ObjectNode body = JsonBodies.object();
        body.put("model", request.model());
        body.put("max_tokens", request.maxTokens());
        String system = request.systemPrompt();
        if (request.jsonSchema() != null) {
            system = (system.isEmpty() ? "" : system + "\n\n")
                    + "Answer with one JSON object that matches this JSON Schema, and nothing else:\n"
                    + request.jsonSchema().schemaJson();
        }
        if (!system.isEmpty()) {
            body.put("system", system);
        }
        ArrayNode messages = body.putArray("messages");
        for (Message message : request.messages()) {
            messages.addObject().put("role", message.role().wireName()).put("content", message.content());
        }
        body.put("temperature", Math.min(1.0, request.temperature()));
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }
}
