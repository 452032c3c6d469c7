package dev.costagent.llm.client;

/** The account's quota, credit or spend limit is exhausted (OpenAI {@code insufficient_quota}, Anthropic spend limits, HTTP 402): waiting will not help, so never retried. */
public final class QuotaExceededException extends LlmException {

    private static final long serialVersionUID = 1L;

    /** A failure with provider details. */
    public QuotaExceededException(String message, ErrorDetails details) {
        super(message, details, null);
    }

    /** A failure with provider details and a cause. */
    public QuotaExceededException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    /** {@return false} */
    @Override
    public boolean retryable() {
        return false;
    }
}
