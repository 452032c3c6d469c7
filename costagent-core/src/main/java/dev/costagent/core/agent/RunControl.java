package dev.costagent.core.agent;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** One run's deadline and cancellation flag, checked between stages and between the units of work in a stage. */
final class RunControl {

    private final String runId;
    private final long deadlineNanos;
    private final Duration deadline;
    private final BooleanSupplier cancelled;

    RunControl(String runId, Duration deadline, BooleanSupplier cancelled) {
        this.runId = runId;
        this.deadline = deadline;
        this.deadlineNanos = deadline == null ? Long.MAX_VALUE : System.nanoTime() + deadline.toNanos();
        this.cancelled = cancelled;
    }

    String runId() {
        return runId;
    }

    /** Throws if the run was cancelled or is past its deadline. */
    void check(Stage stage) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("run " + runId + " cancelled during " + stage.label());
        }
        if (deadline != null && System.nanoTime() - deadlineNanos > 0) {
            throw new RunDeadlineExceededException(
                    "run " + runId + " passed its deadline of " + deadline.toMillis() + " ms during " + stage.label());
        }
    }
}
