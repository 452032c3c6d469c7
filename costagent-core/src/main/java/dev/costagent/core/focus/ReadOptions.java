package dev.costagent.core.focus;

import static java.util.Objects.requireNonNull;

/**
 * How to read FOCUS files.
 *
 * @param lenient go on past bad records and report them, instead of stopping at the first (strict, the default)
 * @param threads parallel parsers for plain (uncompressed) files
 * @param chunkBytes the largest stretch parsed in parallel (a file is cut into stretches of at most this size, as
 *     many as a multiple of the threads, so that the threads finish together)
 * @param maxRejectDetails how many rejected records to keep in detail; all are counted regardless
 * @param progress told about progress every half second or so; {@link ReadProgress#NONE} for quiet
 * @param focusVersion the FOCUS version to read the input as, or {@code null} to detect it from the columns
 */
public record ReadOptions(
        boolean lenient,
        int threads,
        int chunkBytes,
        int maxRejectDetails,
        ReadProgress progress,
        FocusVersion focusVersion) {

    /** Strict, one parser per core, 4 MiB chunks, 10,000 reject details, quiet. */
    public static final ReadOptions DEFAULTS = builder().build();

    /** Checks the values. */
    public ReadOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (chunkBytes < 1024) {
            throw new IllegalArgumentException("chunkBytes must be at least 1024: " + chunkBytes);
        }
        if (maxRejectDetails < 0) {
            throw new IllegalArgumentException("maxRejectDetails must not be negative: " + maxRejectDetails);
        }
        requireNonNull(progress, "progress");
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder()
                .lenient(lenient)
                .threads(threads)
                .chunkBytes(chunkBytes)
                .maxRejectDetails(maxRejectDetails)
                .progress(progress)
                .focusVersion(focusVersion);
    }

    /** Builds {@link ReadOptions}. */
    public static final class Builder {
        private boolean lenient;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int chunkBytes = 4 << 20;
        private int maxRejectDetails = 10_000;
        private ReadProgress progress = ReadProgress.NONE;
        private FocusVersion focusVersion;

        private Builder() {}

        /** Lenient (go on, report rejects) or strict (stop at the first bad record). */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /** Parallel parsers for plain files. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** The size of the stretches parsed in parallel. */
        public Builder chunkBytes(int chunkBytes) {
            this.chunkBytes = chunkBytes;
            return this;
        }

        /** How many rejected records to keep in detail. */
        public Builder maxRejectDetails(int maxRejectDetails) {
            this.maxRejectDetails = maxRejectDetails;
            return this;
        }

        /** Where progress goes. */
        public Builder progress(ReadProgress progress) {
            this.progress = progress;
            return this;
        }

        /** The FOCUS version to read the input as; {@code null} (the default) detects it from the columns. */
        public Builder focusVersion(FocusVersion focusVersion) {
            this.focusVersion = focusVersion;
            return this;
        }

        /** The options. */
        public ReadOptions build() {
            return new ReadOptions(lenient, threads, chunkBytes, maxRejectDetails, progress, focusVersion);
        }
    }
}
