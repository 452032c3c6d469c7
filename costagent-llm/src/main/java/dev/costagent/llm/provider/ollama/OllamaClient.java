package dev.costagent.llm.provider.ollama;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.transport.Endpoint;
import dev.costagent.llm.transport.JsonBodies;
import dev.costagent.llm.transport.ProviderClient;
import java.net.http.HttpRequest;

/**
 * Talks to {@code POST {baseUrl}/api/chat} (base URL e.g. {@code http://localhost:11434}). A key, when configured,
 * goes in {@code Authorization: Bearer} (hosted Ollama); a local server needs none.
 */
public final class OllamaClient extends ProviderClient {

    /** An adapter for the given endpoint. */
    public OllamaClient(Endpoint endpoint) {
        super(endpoint, endpoint.resolve("api/chat"), new OllamaProtocol(endpoint.apiKey()));
    }

    @Override
    public String name() {
        return "ollama";
    }

    @Override
    protected void headers(HttpRequest.Builder http, boolean stream) {
        if (endpoint().apiKey() != null) {
            http.header("Authorization", "Bearer " + endpoint().apiKey().reveal());
        }
    }

    /** The documented body: model, messages, stream flag (Ollama streams by default), format, options. */
    @Override
    protected ObjectNode body(LlmRequest request, boolean stream) {
        ObjectNode body = chatBody(request);
        body.put("stream", stream);
        if (request.jsonSchema() != null) {
            body.set("format", JsonBodies.schema(request.jsonSchema().schemaJson()));
        }
        ObjectNode options = body.putObject("options");
        options.put("temperature", request.temperature());
        options.put("num_predict", request.maxTokens());
        return body;
    }
}
