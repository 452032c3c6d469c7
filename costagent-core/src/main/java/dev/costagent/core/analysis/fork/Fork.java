package dev.costagent.core.analysis.fork;

import com.google.common.base.Throwables;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * A piece of one analysis handed to an executor, which the caller runs itself at {@link #join()} if no thread has
 * started it: so forking onto the agent's own (bounded) executor can never deadlock, even when every thread of it is a
 * run waiting on its pieces, and a full or shut-down executor only means the work is done in line.
 */
public final class Fork<T> {

    private final FutureTask<T> task;

    /** Hands {@code work} to {@code executor}; a full or shut-down executor leaves it for {@link #join()}. */
    public Fork(Callable<T> work, Executor executor) {
        this.task = new FutureTask<>(work);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException full) {
            // run at join, on the caller's thread
        }
    }

    /** The result, running the work here unless another thread already started it. */
    public T join() {
        task.run(); // does nothing when started or done elsewhere
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwables.throwIfUnchecked(e.getCause());
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an analysis", e);
        }
    }
}
