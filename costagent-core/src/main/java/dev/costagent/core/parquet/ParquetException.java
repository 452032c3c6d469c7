package dev.costagent.core.parquet;

/** A Parquet file that cannot be decoded; the reader turns it into an error naming the file (and the column). */
final class ParquetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ParquetException(String message) {
        super(message);
    }

    ParquetException(String message, Throwable cause) {
        super(message, cause);
    }
}
