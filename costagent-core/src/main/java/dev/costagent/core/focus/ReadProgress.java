package dev.costagent.core.focus;

import java.time.Duration;

/** Receives progress of a long read, from a background thread, about twice a second. */
@FunctionalInterface
public interface ReadProgress {

    /** Ignores progress. */
    ReadProgress NONE = (bytes, totalBytes, records, elapsed) -> {};

    /**
     * Progress so far.
     *
     * @param bytes input bytes parsed (compressed bytes for gzip input are not known: uncompressed bytes then)
     * @param totalBytes the input's size on disk
     * @param records records parsed
     * @param elapsed since the read began
     */
    void update(long bytes, long totalBytes, long records, Duration elapsed);
}
