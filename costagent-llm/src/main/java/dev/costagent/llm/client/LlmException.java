package dev.costagent.llm.client;

import java.time.Duration;

/**
 * A failed language-model call. Subtypes say what kind of failure it was; {@link #retryable()} says whether the same
 * request may succeed later. Messages never contain an API key.
 */
public abstract class LlmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorDetails details;

    /** A failure with provider details and an optional cause. */
    protected LlmException(String message, ErrorDetails details, Throwable cause) {
        super(message + describe(details), cause);
        this.details = details == null ? ErrorDetails.NONE : details;
    }

    /** Whether sending the same request again may succeed. */
    public abstract boolean retryable();

    /**
     * Whether the caller should try again: the provider's {@code x-should-retry} header when it sent one, else
     * {@link #retryable()}.
     */
    public boolean shouldRetry() {
        return details.shouldRetry() != null ? details.shouldRetry() : retryable();
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return details.status();
    }

    /** The provider's error code or type; empty when absent. */
    public String providerCode() {
        return details.providerCode();
    }

    /** The provider's request id; empty when absent. */
    public String requestId() {
        return details.requestId();
    }

    /** How long the provider asked us to wait, or {@code null}. */
    public Duration retryAfter() {
        return details.retryAfter();
    }

    /** All the details at once. */
    public ErrorDetails details() {
        return details;
    }

    private static String describe(ErrorDetails details) {
        if (details == null || details.status() == 0 && details.providerCode().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" (");
        if (details.status() != 0) {
            text.append("HTTP ").append(details.status());
        }
        if (!details.providerCode().isEmpty()) {
            text.append(details.status() != 0 ? ", " : "").append("code ").append(details.providerCode());
        }
        if (!details.requestId().isEmpty()) {
            text.append(", request ").append(details.requestId());
        }
        return text.append(')').toString();
    }
}
