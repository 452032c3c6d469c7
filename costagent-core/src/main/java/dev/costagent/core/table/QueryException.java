package dev.costagent.core.table;

/**
 * A {@link CostQuery} the data cannot answer: a column the input lacks, or a sum across currencies. The message is
 * one line saying what to change.
 */
public final class QueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with a one-line message. */
    public QueryException(String message) {
        super(message);
    }
}
