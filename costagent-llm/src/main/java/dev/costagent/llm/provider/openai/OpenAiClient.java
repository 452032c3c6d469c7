package dev.costagent.llm.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.transport.Endpoint;
import dev.costagent.llm.transport.JsonBodies;
import dev.costagent.llm.transport.ProviderClient;
import java.net.http.HttpRequest;
import java.util.Locale;

/**
 * Talks to {@code POST {baseUrl}/chat/completions}. The key goes in {@code Authorization: Bearer}, or in the
 * {@code api-key} header for Azure OpenAI hosts ({@code *.azure.com}).
 */
public final class OpenAiClient extends ProviderClient {

    private final boolean azure;

    /** An adapter for the given endpoint, e.g. base URL {@code https://api.openai.com/v1}. */
    public OpenAiClient(Endpoint endpoint) {
        super(endpoint, endpoint.resolve("chat/completions"), new OpenAiProtocol(endpoint.apiKey()));
        this.azure = endpoint.baseUrl().getHost().toLowerCase(Locale.ROOT).endsWith(".azure.com");
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    protected void headers(HttpRequest.Builder http, boolean stream) {
        http.header("Accept", stream ? "text/event-stream" : "application/json");
        if (endpoint().apiKey() != null) {
            if (azure) {
                http.header("api-key", endpoint().apiKey().reveal());
            } else {
                http.header("Authorization", "Bearer " + endpoint().apiKey().reveal());
            }
        }
    }

    /** The documented request body: model, messages (system first), temperature, limits, format, stream options. */
    @Override
    protected ObjectNode body(LlmRequest request, boolean stream) {
        ObjectNode body = chatBody(request);
        body.put("temperature", request.temperature());
        body.put("max_tokens", request.maxTokens());
        if (request.jsonSchema() != null) {
            ObjectNode format = body.putObject("response_format");
            format.put("type", "json_schema");
            ObjectNode schema = format.putObject("json_schema");
            schema.put("name", request.jsonSchema().name());
            schema.set("schema", JsonBodies.schema(request.jsonSchema().schemaJson()));
            schema.put("strict", true);
        }
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }
}
