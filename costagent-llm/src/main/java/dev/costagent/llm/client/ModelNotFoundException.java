package dev.costagent.llm.client;

/**
 * The provider answered 404 for the model: it is retired, misspelled, not deployed, or the base URL points elsewhere.
 * One clear error instead of a silent template for every narrative; never retried.
 */
public final class ModelNotFoundException extends LlmException {

    private static final long serialVersionUID = 1L;

    /** A failure with provider details and the refused request's failure as cause. */
    public ModelNotFoundException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    /** {@return false} */
    @Override
    public boolean retryable() {
        return false;
    }
}
