package dev.costagent.llm.client;

/** The provider rejected the request itself (HTTP 400, 404, 413, 422 and other 4xx). Never retried. */
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

    /** {@return false} */
    @Override
    public boolean retryable() {
        return false;
    }
}
