package dev.costagent.llm.transport;

import dev.costagent.llm.client.ErrorDetails;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.MalformedResponseException;
import dev.costagent.llm.client.TokenListener;
import dev.costagent.llm.client.TokenUsage;
import java.time.Duration;

/**
 * What a streamed answer has said so far: its text (each fragment handed to the listener as it arrives), the model,
 * the request id, the stop reason and the token usage. The providers' stream decoders differ only in their wire
 * format (server-sent events, one JSON object a line); each feeds one of these and asks it for the response.
 */
public final class StreamedAnswer {

    private final StringBuilder text = new StringBuilder();
    private final TokenListener listener;
    private String requestId;
    private String model = "";
    private String stopReason = "";
    private TokenUsage usage = TokenUsage.ZERO;

    /**
     * An empty answer.
     *
     * @param requestId the id the response headers gave, or empty (the body may give it later)
     * @param listener receives each text fragment as it arrives
     */
    public StreamedAnswer(String requestId, TokenListener listener) {
        this.requestId = requestId;
        this.listener = listener;
    }

    /** Adds a text fragment and hands it to the listener; an empty fragment is no token. */
    public void append(String fragment) {
        if (!fragment.isEmpty()) {
            text.append(fragment);
            listener.onToken(fragment);
        }
    }

    /** The request id: from the headers, else the first the body gave. */
    public String requestId() {
        return requestId;
    }

    /** Takes the body's request id unless one is known. */
    public void requestIdIfAbsent(String id) {
        if (requestId.isEmpty()) {
            requestId = id;
        }
    }

    /** Takes the model the stream names unless one is known. */
    public void modelIfAbsent(String name) {
        if (model.isEmpty()) {
            model = name;
        }
    }

    /** Records why the answer stopped; an empty reason changes nothing. */
    public void stopReason(String reason) {
        if (!reason.isEmpty()) {
            stopReason = reason;
        }
    }

    /** Whether the stream said why the answer stopped (a complete answer does). */
    public boolean hasStopReason() {
        return !stopReason.isEmpty();
    }

    /** The token usage so far. */
    public TokenUsage usage() {
        return usage;
    }

    /** Replaces the token usage. */
    public void usage(TokenUsage counted) {
        usage = counted;
    }

    /** The error for a stream that ended before its documented end: {@code message} with the request id. */
    public MalformedResponseException truncated(String message) {
        return new MalformedResponseException(message, new ErrorDetails(0, "", requestId, null));
    }

    /** The whole answer. */
    public LlmResponse response() {
        return new LlmResponse(text.toString(), stopReason, usage, model, Duration.ZERO, requestId);
    }
}
