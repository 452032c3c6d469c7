package dev.costagent.llm.client;

/** Receives text fragments of a streamed answer, in order, on the thread that delivers the stream. */
@FunctionalInterface
public interface TokenListener {

    /** A listener that ignores every fragment. */
    TokenListener NONE = fragment -> {};

    /** Called once per non-empty text fragment. */
    void onToken(String fragment);
}
