package dev.costagent.perf.spi;

import dev.costagent.perf.result.Phase;
import java.time.Duration;
import java.util.List;

/**
 * The open-model workload: a schedule of <em>intended</em> start times, fixed in advance and independent of how fast
 * the system under test answers. Response times are measured from these intended times, so a stalled system cannot
 * hide its stall by slowing the load down (no coordinated omission).
 *
 * <p>Implement this to plug in a custom arrival pattern (a diurnal curve, recorded production traffic, Poisson
 * arrivals). Built-in profiles live in {@code dev.costagent.perf.profile}. A profile is an immutable description; each
 * run asks it for a fresh {@link Schedule}.
 */
public interface LoadProfile {

    /** A fresh cursor over this profile's start times; called once per run (and once more for a warm-up). */
    Schedule schedule();

    /** How long the schedule lasts: no start is scheduled at or after this offset. */
    Duration duration();

    /** A short human description, such as {@code "constant 100/s for 30s"}; used in reports. */
    default String description() {
        return getClass().getSimpleName();
    }

    /**
     * The name a {@link java.util.ServiceLoader}-discovered profile is selected by (for example from an annotation).
     * Defaults to the simple class name.
     */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Named phases of the schedule (for example baseline, spike, recovery); empty when the profile has none. */
    default List<Phase> phases() {
        return List.of();
    }

    /**
     * This profile with its durations multiplied by {@code timeFactor} and its rates by {@code rateFactor}, used by
     * the CI overrides. The default returns the profile unchanged: a custom profile that cannot be scaled is run as
     * written.
     */
    default LoadProfile scaled(double timeFactor, double rateFactor) {
        return this;
    }

    /**
     * A cursor over intended start times, read by one thread at a time. Implementations must not allocate per call:
     * the engine calls it once per operation.
     */
    @FunctionalInterface
    interface Schedule {
        /** Returned by {@link #nextStartNanos()} when the schedule has no more starts. */
        long END = Long.MAX_VALUE;

        /**
         * The offset in nanoseconds from the start of the run of the next intended start, never smaller than the
         * previous one; or {@link #END}.
         */
        long nextStartNanos();
    }
}
