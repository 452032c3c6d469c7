package dev.costagent.llm.transport;

import dev.costagent.llm.client.LlmClient;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.TokenListener;
import java.net.http.HttpRequest;
import java.util.Objects;

/**
 * The shared half of every provider adapter: a provider supplies how to build its HTTP request and how to read its
 * answers ({@link ProviderProtocol}); this class sends, times and decodes.
 */
public abstract class ProviderClient implements LlmClient {

    private final Endpoint endpoint;
    private final HttpTransport transport;

    /** An adapter for the given endpoint, with its own HTTP client. */
    protected ProviderClient(Endpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.transport = new HttpTransport(
                HttpTransport.newHttpClient(endpoint.httpVersion(), endpoint.connectTimeout()),
                endpoint.clock());
    }

    /** The endpoint this adapter talks to. */
    protected final Endpoint endpoint() {
        return endpoint;
    }

    /** Builds the provider's HTTP request for {@code request}, streamed or not. */
    protected abstract HttpRequest httpRequest(LlmRequest request, boolean stream);

    /** The provider's answer and error formats, for a stream that reports fragments to {@code listener}. */
    protected abstract ProviderProtocol protocol();

    @Override
    public LlmResponse complete(LlmRequest request) {
        return transport.exchange(httpRequest(request, false), request.timeout(), protocol(), null);
    }

    @Override
    public LlmResponse stream(LlmRequest request, TokenListener listener) {
        Objects.requireNonNull(listener, "listener");
        return transport.exchange(httpRequest(request, true), request.timeout(), protocol(), listener);
    }

    @Override
    public String toString() {
        return name() + "@" + endpoint.baseUrl();
    }
}
