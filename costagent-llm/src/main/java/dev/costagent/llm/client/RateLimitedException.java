package dev.costagent.llm.client;

/** The provider refused the call for now (HTTP 429): retryable, usually after {@link #retryAfter()}. */
public final class RateLimitedException extends LlmException {

    private static final long serialVersionUID = 1L;

    /** A failure with provider details. */
    public RateLimitedException(String message, ErrorDetails details) {
        super(message, details, null);
    }

    /** A failure with provider details and a cause. */
    public RateLimitedException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    /** {@return true} */
    @Override
    public boolean retryable() {
        return true;
    }
}
