package dev.costagent.core.agent;

/** A run passed its deadline; the message names the run, the deadline and the stage it was in. */
public final class RunDeadlineExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a one-line message. */
    public RunDeadlineExceededException(String message) {
        super(message);
    }
}
