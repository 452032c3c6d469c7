package dev.costagent.llm.client;

/** The API key is missing, wrong, or lacks permission (HTTP 401, 403). Never retried. */
public final class AuthenticationException extends LlmException {

    private static final long serialVersionUID = 1L;

    /** A failure with provider details. */
    public AuthenticationException(String message, ErrorDetails details) {
        super(message, details, null);
    }

    /** A failure with provider details and a cause. */
    public AuthenticationException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    /** {@return false} */
    @Override
    public boolean retryable() {
        return false;
    }
}
