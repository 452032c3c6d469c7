package dev.costagent.core.analysis.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A forked piece of an analysis never waits on a busy executor: the caller runs it when nobody has. */
class ForkTest {

    @Test
    void aPieceNoThreadTookRunsOnTheCallerAtJoin() {
        List<Runnable> queued = new ArrayList<>(); // an executor whose threads are all busy: nothing ever runs
        Executor saturated = queued::add;
        AtomicInteger runs = new AtomicInteger();

        Fork<String> fork = new Fork<>(
                () -> {
                    runs.incrementAndGet();
                    return Thread.currentThread().getName();
                },
                saturated);

        assertThat(fork.join()).isEqualTo(Thread.currentThread().getName());
        queued.forEach(Runnable::run); // the executor gets to it later: it does not run twice
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRejectedPieceRunsOnTheCaller() {
        Executor full = task -> {
            throw new RejectedExecutionException("queue full");
        };

        assertThat(new Fork<>(() -> 42, full).join()).isEqualTo(42);
    }

    @Test
    void aFailureReachesTheCallerUnwrapped() {
        Fork<Object> fork = new Fork<>(
                () -> {
                    throw new IllegalArgumentException("no such column");
                },
                Runnable::run);

        assertThatThrownBy(fork::join)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no such column");
    }
}
