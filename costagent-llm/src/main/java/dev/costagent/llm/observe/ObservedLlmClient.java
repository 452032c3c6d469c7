package dev.costagent.llm.observe;

import dev.costagent.llm.client.ForwardingLlmClient;
import dev.costagent.llm.client.LlmClient;
import dev.costagent.llm.client.LlmException;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.TokenListener;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells {@link LlmCallListener}s about every call of the wrapped client. Place it directly around the provider
 * client (inside cache and retries) so that each call that reaches the provider is reported once.
 */
public final class ObservedLlmClient extends ForwardingLlmClient {

    private static final Logger LOG = LoggerFactory.getLogger(ObservedLlmClient.class);

    private final List<LlmCallListener> listeners;

    /** Reports the calls of {@code delegate} to {@code listeners}. */
    public ObservedLlmClient(LlmClient delegate, List<LlmCallListener> listeners) {
        super(delegate);
        this.listeners = List.copyOf(listeners);
    }

    @Override
    protected LlmResponse call(LlmRequest request, TokenListener tokens) {
        if (listeners.isEmpty()) {
            return forward(request, tokens);
        }
        String provider = name();
        tell(listener -> listener.onRequest(new LlmCallListener.Request(
                provider, request.model(), request.estimatedInputTokens(), request.maxTokens())));
        long start = System.nanoTime();
        try {
            LlmResponse response = forward(request, tokens);
            tell(listener -> listener.onResponse(new LlmCallListener.Response(
                    provider,
                    response.model().isEmpty() ? request.model() : response.model(),
                    response.latency(),
                    response.usage(),
                    response.finishReason())));
            return response;
        } catch (RuntimeException e) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            int status = e instanceof LlmException llm ? llm.status() : 0;
            boolean retryable = e instanceof LlmException llm && llm.shouldRetry();
            tell(listener -> listener.onError(new LlmCallListener.Failure(
                    provider, request.model(), elapsed, e.getClass().getSimpleName(), status, retryable)));
            throw e;
        }
    }

    private void tell(Consumer<LlmCallListener> event) {
        for (LlmCallListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("LLM call listener {} failed: {}", listener.getClass().getName(), e.toString());
            }
        }
    }
}
