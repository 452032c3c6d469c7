package dev.costagent.core.focus;

/**
 * Receives the records of one stretch of one file, in order, on one thread. The reader makes one sink per stretch
 * (via {@link SinkFactory}) so sinks need no locking; the caller merges them afterwards, in file order.
 */
public interface RecordSink {

    /**
     * Takes one record.
     *
     * @return {@code true} if accepted; {@code false} after {@link FocusRow#reject} when a value is bad (the sink must
     *     then leave no trace of the record)
     */
    boolean accept(FocusRow row);

    /**
     * Takes a whole batch of records at once, every one of them valid (the reader checked them first), when the sink
     * can do so with exactly the result {@link #accept} would give row by row; else returns {@code false} having
     * changed nothing, and the records then come one by one. By default it cannot.
     */
    default boolean acceptColumns(ColumnBatch batch) {
        return false;
    }

    /**
     * Whether {@link #acceptColumns} would take this batch. Asked before the batch is checked, so that the records of
     * a sink that takes rows only are not checked column by column first and then row by row. By default no.
     */
    default boolean acceptsColumns(ColumnBatch batch) {
        return false;
    }

    /** Makes sinks for a file's header. */
    @FunctionalInterface
    interface SinkFactory<S extends RecordSink> {
        /** A new, empty sink for records of a file with this header. */
        S create(FocusHeader header);
    }
}
