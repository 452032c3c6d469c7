package dev.costagent.llm.client;

/**
 * The provider rejected the request itself (HTTP 400, 404, 409, 413, 422 and other 4xx). Not retried, except HTTP 409
 * (a conflict such as a lock timeout, which the official SDKs retry) or when the provider says {@code x-should-retry:
 * true}.
 */
public final class InvalidRequestException extends LlmException {

    private static final long serialVersionUID = 1L;

    /** A failure with provider details. */
    public InvalidRequestException(String message, ErrorDetails details) {
        super(message, details, null);
    }

    /** A failure with provider details and a cause. */
    public InvalidRequestException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    /** {@return whether the status was 409 Conflict} */
    @Override
    public boolean retryable() {
        return status() == 409;
    }
}
