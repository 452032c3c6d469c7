package dev.costagent.llm.transport;

import dev.costagent.llm.client.LlmException;
import java.util.concurrent.Flow;

/** Feeds body lines to a {@link StreamDecoder}; reports a decoding failure at once rather than at body end. */
final class LineForwarder implements Flow.Subscriber<String> {
    private final StreamDecoder decoder;
    private final DeadlineBody body;
    private final String providerName;
    private volatile Flow.Subscription subscription;
    private volatile LlmException failure;

    LineForwarder(StreamDecoder decoder, DeadlineBody body, String providerName) {
        this.decoder = decoder;
        this.body = body;
        this.providerName = providerName;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        this.subscription = newSubscription;
        newSubscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (failure != null) {
            return;
        }
        try {
            decoder.onLine(line);
        } catch (RuntimeException e) {
            fail(Outcome.decodingFailure(providerName + " stream", e));
        }
    }

    @Override
    public void onError(Throwable error) {
        // The body future completes exceptionally; the transport translates the cause.
    }

    @Override
    public void onComplete() {
        // The finisher builds the outcome.
    }

    Outcome finish() {
        if (failure != null) {
            return Outcome.failed(failure);
        }
        try {
            return Outcome.succeeded(decoder.finish());
        } catch (RuntimeException e) {
            return Outcome.failed(Outcome.decodingFailure(providerName + " stream", e));
        }
    }

    private void fail(LlmException e) {
        failure = e;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        body.finishEarly(Outcome.failed(e));
    }
}
