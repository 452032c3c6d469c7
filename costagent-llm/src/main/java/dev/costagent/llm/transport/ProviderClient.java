package dev.costagent.llm.transport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costagent.llm.client.ErrorDetails;
import dev.costagent.llm.client.InvalidRequestException;
import dev.costagent.llm.client.LlmClient;
import dev.costagent.llm.client.LlmException;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.Message;
import dev.costagent.llm.client.ModelNotFoundException;
import dev.costagent.llm.client.TokenListener;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Objects;

/**
 * The shared half of every provider adapter: a provider supplies its URL, headers and JSON body, and how to read its
 * answers ({@link ProviderProtocol}); this class builds the request, sends, times and decodes.
 */
public abstract class ProviderClient implements LlmClient {

    private final Endpoint endpoint;
    private final URI uri;
    private final ProviderProtocol protocol;
    private final HttpTransport transport;

    /**
     * An adapter with its own HTTP client.
     *
     * @param endpoint the provider's address, key and connection settings
     * @param uri where every request is posted
     * @param protocol the provider's answer and error formats
     */
    protected ProviderClient(Endpoint endpoint, URI uri, ProviderProtocol protocol) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.transport = new HttpTransport(
                HttpTransport.newHttpClient(endpoint.httpVersion(), endpoint.connectTimeout(), endpoint.proxy()),
                endpoint.clock());
    }

    /** The endpoint this adapter talks to. */
    protected final Endpoint endpoint() {
        return endpoint;
    }

    /** Adds the provider's own headers (authentication, version, accepted type) to a request, streamed or not. */
    protected abstract void headers(HttpRequest.Builder http, boolean stream);

    /** The provider's JSON body for {@code request}, streamed or not. */
    protected abstract ObjectNode body(LlmRequest request, boolean stream);

    /**
     * A chat body's start as OpenAI and Ollama both take it: the model, then the messages with the system prompt as
     * the first, {@code system} message.
     */
    protected static ObjectNode chatBody(LlmRequest request) {
        ObjectNode body = JsonBodies.object();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        if (!request.systemPrompt().isEmpty()) {
            messages.addObject().put("role", "system").put("content", request.systemPrompt());
        }
        for (Message message : request.messages()) {
            messages.addObject().put("role", message.role().wireName()).put("content", message.content());
        }
        return body;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        try {
            return transport.exchange(httpRequest(request, false), request.timeout(), protocol, null);
        } catch (InvalidRequestException e) {
            throw modelNotFound(request, e);
        }
    }

    @Override
    public LlmResponse stream(LlmRequest request, TokenListener listener) {
        Objects.requireNonNull(listener, "listener");
        try {
            return transport.exchange(httpRequest(request, true), request.timeout(), protocol, listener);
        } catch (InvalidRequestException e) {
            throw modelNotFound(request, e);
        }
    }

    /** A 404 becomes one clear error naming the model; other refusals pass unchanged. */
    private LlmException modelNotFound(LlmRequest request, InvalidRequestException e) {
        if (e.status() != 404) {
            return e;
        }
        return new ModelNotFoundException(
                "model '" + request.model() + "' was not found at " + name() + " "
                        + endpoint.baseUrl().getHost()
                        + ": it may be retired or misspelled, or the base URL may be wrong;"
                        + " choose another with --llm-model or COSTAGENT_LLM_MODEL",
                new ErrorDetails(404, e.providerCode(), e.requestId(), null),
                e);
    }

    /** The JSON POST to the provider; its timeout is the call's whole budget, which the transport enforces. */
    private HttpRequest httpRequest(LlmRequest request, boolean stream) {
        HttpRequest.Builder http =
                HttpRequest.newBuilder(uri).timeout(request.timeout()).header("Content-Type", "application/json");
        headers(http, stream);
        endpoint.headers().values().forEach(http::setHeader);
        return http.POST(HttpRequest.BodyPublishers.ofByteArray(JsonBodies.write(body(request, stream))))
                .build();
    }

    @Override
    public String toString() {
        return name() + "@" + endpoint.baseUrl();
    }
}
