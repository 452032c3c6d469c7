package dev.costagent.llm.observe;

import dev.costagent.llm.client.TokenUsage;
import java.time.Duration;

/**
 * Told of every call that reaches a provider (cache hits do not; each retry does), so that metrics can be exported
 * without costagent depending on a metrics library. Register an implementation in
 * {@code META-INF/services/dev.costagent.llm.observe.LlmCallListener}, or pass it to
 * {@link dev.costagent.llm.config.Narrators#create(dev.costagent.llm.config.LlmSettings,
 * dev.costagent.llm.accounting.UsageLedger, java.util.List)}.
 *
 * <p>Methods are called on the calling thread, concurrently for concurrent calls, and must be quick and thread-safe.
 * An exception thrown by a listener is logged and ignored: it never fails a call.
 */
public interface LlmCallListener {

    /** A call is about to be sent. */
    default void onRequest(Request request) {}

    /** A call answered. */
    default void onResponse(Response response) {}

    /** A call failed. */
    default void onError(Failure failure) {}

    /**
     * A call about to be sent.
     *
     * @param provider the provider adapter's name, e.g. {@code openai}
     * @param model the model asked for
     * @param estimatedInputTokens a rough size of the prompt (four characters a token)
     * @param maxOutputTokens the output limit
     */
    record Request(String provider, String model, long estimatedInputTokens, int maxOutputTokens) {}

    /**
     * A call that answered.
     *
     * @param provider the provider adapter's name
     * @param model the model that answered, as the provider reports it
     * @param latency from sending to the last byte
     * @param usage the tokens billed
     * @param finishReason why generation stopped
     */
    record Response(String provider, String model, Duration latency, TokenUsage usage, String finishReason) {}

    /**
     * A call that failed.
     *
     * @param provider the provider adapter's name
     * @param model the model asked for
     * @param elapsed from sending to the failure
     * @param errorType the exception's simple class name, e.g. {@code RateLimitedException}
     * @param status the HTTP status, or 0 when no response arrived
     * @param retryable whether the failure may be retried
     */
    record Failure(String provider, String model, Duration elapsed, String errorType, int status, boolean retryable) {}
}
