package dev.costagent.perf.result;

import java.time.Duration;
import java.util.Objects;

/**
 * A named stretch of a profile, as offsets from the start of the measured run.
 *
 * @param name  a label for reports, such as {@code "spike"}
 * @param kind  what the phase is, which analyses (such as spike recovery) rely on
 * @param start offset where the phase begins
 * @param end   offset where the phase ends (exclusive)
 */
public record Phase(String name, Kind kind, Duration start, Duration end) {

    /** Validates the phase. */
    public Phase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.compareTo(start) < 0) {
            throw new IllegalArgumentException(
                    "phase '" + name + "' ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /** What a phase is. */
    public enum Kind {
        /** Load held at a steady rate (a baseline). */
        STEADY,
        /** Rate changing linearly. */
        RAMP,
        /** A short stretch of much higher load. */
        SPIKE,
        /** Load back at the baseline after a spike. */
        RECOVERY
    }
}
