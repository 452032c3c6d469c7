package dev.costagent.llm.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A model's answer.
 *
 * @param text the generated text
 * @param finishReason why generation stopped, as the provider says it (e.g. {@code stop}, {@code length},
 *     {@code end_turn}); empty when unknown
 * @param usage tokens consumed
 * @param model the model that answered, as the provider reports it
 * @param latency time from sending the request to the last byte of the answer
 * @param requestId the provider's request id (for support tickets); empty when absent
 */
public record LlmResponse(
        String text, String finishReason, TokenUsage usage, String model, Duration latency, String requestId) {

    /** Checks the parts; absent strings become empty. */
    public LlmResponse {
        requireNonNull(text, "text");
        finishReason = finishReason == null ? "" : finishReason;
        requireNonNull(usage, "usage");
        model = model == null ? "" : model;
        requireNonNull(latency, "latency");
        requestId = requestId == null ? "" : requestId;
    }

    /** The same answer with another latency (e.g. zero when served from a cache). */
    public LlmResponse withLatency(Duration newLatency) {
        return new LlmResponse(text, finishReason, usage, model, newLatency, requestId);
    }
}
