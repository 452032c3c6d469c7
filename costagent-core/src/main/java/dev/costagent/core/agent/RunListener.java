package dev.costagent.core.agent;

/**
 * Hooks into every run of a {@link CostAgent}, for metrics and progress. Called on the run's thread; implementations
 * must be thread-safe (runs are concurrent) and quick. An exception thrown by a listener is logged and ignored, so a
 * broken metrics hook never fails a run.
 */
public interface RunListener {

    /** A stage is about to start. */
    default void stageStarted(String runId, Stage stage) {}

    /** A stage finished. */
    default void stageFinished(String runId, StageTiming timing) {}

    /** The run produced its report. */
    default void runFinished(Report report) {}

    /** The run failed, timed out or was cancelled. */
    default void runFailed(String runId, Throwable cause) {}
}
