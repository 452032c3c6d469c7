package dev.costagent.perf.bench;

/** The benchmarked operation threw: the benchmark stops, since timings of failing code mean nothing. */
public final class BenchmarkFailedException extends RuntimeException {

    /** Wraps the operation's exception. */
    public BenchmarkFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure without a cause in this JVM, such as a benchmark fork that failed. */
    public BenchmarkFailedException(String message) {
        super(message);
    }
}
