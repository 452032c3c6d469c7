package dev.costagent.core.agent;

import static java.util.Objects.requireNonNull;

/**
 * How long one stage of a run took.
 *
 * @param stage the stage
 * @param millis wall-clock milliseconds, fractional
 * @param cached whether the stage's result came from the agent's cache
 */
public record StageTiming(Stage stage, double millis, boolean cached) {

    /** Checks the parts. */
    public StageTiming {
        requireNonNull(stage, "stage");
    }
}
