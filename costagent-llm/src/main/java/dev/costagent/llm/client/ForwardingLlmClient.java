package dev.costagent.llm.client;

import static java.util.Objects.requireNonNull;

/**
 * A client that wraps another (caching, retries, accounting, listeners): {@link #complete} and {@link #stream} both
 * come to {@link #call}, with the stream's listener or null, and {@link #forward} passes a call on to the wrapped
 * client the same way it came. Extend it for a decorator of your own.
 */
public abstract class ForwardingLlmClient implements LlmClient {

    private final LlmClient delegate;

    /** Wraps {@code delegate}. */
    protected ForwardingLlmClient(LlmClient delegate) {
        this.delegate = requireNonNull(delegate, "delegate");
    }

    @Override
    public final LlmResponse complete(LlmRequest request) {
        return call(request, null);
    }

    @Override
    public final LlmResponse stream(LlmRequest request, TokenListener listener) {
        return call(request, requireNonNull(listener, "listener"));
    }

    /** The wrapped client's name: a decorator is the provider it wraps, for logs and reports. */
    @Override
    public String name() {
        return delegate.name();
    }

    /**
     * One call, completed or streamed.
     *
     * @param listener the stream's listener, or null for {@link #complete}
     */
    protected abstract LlmResponse call(LlmRequest request, TokenListener listener);

    /** Passes the call on to the wrapped client: {@code complete} without a listener, {@code stream} with one. */
    protected final LlmResponse forward(LlmRequest request, TokenListener listener) {
        return listener == null ? delegate.complete(request) : delegate.stream(request, listener);
    }

    /** The wrapped client. */
    protected final LlmClient delegate() {
        return delegate;
    }
}
