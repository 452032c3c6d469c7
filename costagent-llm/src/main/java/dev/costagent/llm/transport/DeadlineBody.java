package dev.costagent.llm.transport;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wraps a body subscriber so that its result is ready by the deadline: when the body is not complete in time, the
 * subscription is cancelled (closing the connection) and the call fails with a timeout; a stream decoder that
 * finds an error finishes it at once instead of waiting for the rest of the body.
 */
final class DeadlineBody implements HttpResponse.BodySubscriber<Outcome> {
    private final CompletableFuture<Outcome> result = new CompletableFuture<>();
    private final long remainingNanos;
    private HttpResponse.BodySubscriber<Outcome> inner;
    private volatile Flow.Subscription subscription;

    DeadlineBody(long remainingNanos) {
        this.remainingNanos = Math.max(1, remainingNanos);
    }

    DeadlineBody wrap(HttpResponse.BodySubscriber<Outcome> delegate) {
        this.inner = delegate;
        delegate.getBody().whenComplete((outcome, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(outcome);
            }
        });
        result.orTimeout(remainingNanos, TimeUnit.NANOSECONDS).whenComplete((outcome, error) -> {
            if (error instanceof TimeoutException) {
                cancel();
            }
        });
        return this;
    }

    void finishEarly(Outcome outcome) {
        result.complete(outcome);
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        this.subscription = newSubscription;
        inner.onSubscribe(newSubscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        inner.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
        inner.onError(throwable);
    }

    @Override
    public void onComplete() {
        inner.onComplete();
    }

    @Override
    public CompletionStage<Outcome> getBody() {
        return result;
    }

    private void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
