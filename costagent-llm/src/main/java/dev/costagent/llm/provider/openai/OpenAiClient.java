package dev.costagent.llm.provider.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.transport.Endpoint;
import dev.costagent.llm.transport.JsonBodies;
import dev.costagent.llm.transport.ProviderClient;
import java.net.http.HttpRequest;
import java.util.regex.Pattern;

/**
 * Talks to {@code POST {baseUrl}/chat/completions}. The key goes in {@code Authorization: Bearer}, or in the
 * {@code api-key} header for Azure OpenAI hosts ({@code *.azure.com}), whose deployment URLs keep their
 * {@code api-version} query ({@code .../openai/deployments/d/chat/completions?api-version=2024-10-21}). Requests to
 * OpenAI and Azure carry {@code max_completion_tokens}; reasoning models ({@code o1}, {@code o3}, {@code o4-mini},
 * {@code gpt-5}) get no {@code temperature}.
 */
public final class OpenAiClient extends ProviderClient {

    /** Reasoning models take no temperature. */
    private static final Pattern REASONING = Pattern.compile("(?i)(?:.*/)?(?:o\\d|gpt-5)(?!.*-chat).*");

    private final boolean azure;
    private final boolean officialHost;

    /** An adapter for the given endpoint, e.g. base URL {@code https://api.openai.com/v1}. */
    public OpenAiClient(Endpoint endpoint) {
        super(endpoint, endpoint.resolve("chat/completions"), new OpenAiProtocol(endpoint.apiKey()));
        this.azure = endpoint.isAzure();
        this.officialHost = azure || endpoint.baseUrl().getHost().equalsIgnoreCase("api.openai.com");
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
        boolean reasoning = REASONING.matcher(request.model()).matches();
        if (!reasoning) {
            body.put("temperature", request.temperature());
        }
        // OpenAI and Azure deprecated max_tokens (reasoning models refuse it); other compatible servers may only
        // know max_tokens, so they keep it unless the model is a reasoning model.
        body.put(officialHost || reasoning ? "max_completion_tokens" : "max_tokens", request.maxTokens());
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
