package dev.costagent.perf.profile;

import dev.costagent.perf.result.Phase;
import dev.costagent.perf.spi.LoadProfile;
import java.time.Duration;
import java.util.List;

/**
 * The built-in load profiles.
 *
 * <pre>{@code
 * LoadProfiles.constant(100, Duration.ofSeconds(30));            // 100 arrivals per second
 * LoadProfiles.ramp(0, 200, Duration.ofSeconds(60));             // linear ramp
 * LoadProfiles.spike(5, 50, Duration.ofSeconds(10));              // baseline, spike, recovery
 * LoadProfiles.burst(500);                                       // 500 calls at once
 * LoadProfiles.stages().hold(5, ofSeconds(10)).rampTo(50, ofSeconds(5)).build();
 * }</pre>
 */
public final class LoadProfiles {

    private LoadProfiles() {}

    /** A constant arrival rate. */
    public static LoadProfile constant(double ratePerSecond, Duration duration) {
        return new StagedProfile(
                "constant", List.of(new Stage("constant", Phase.Kind.STEADY, ratePerSecond, ratePerSecond, duration)));
    }

    /** Sustained load: a constant rate held for a (typically long) duration; the same schedule as {@link #constant}. */
    public static LoadProfile sustained(double ratePerSecond, Duration duration) {
        return new StagedProfile(
                "sustained",
                List.of(new Stage("sustained", Phase.Kind.STEADY, ratePerSecond, ratePerSecond, duration)));
    }

    /** A linear ramp from one rate to another. */
    public static LoadProfile ramp(double fromRate, double toRate, Duration duration) {
        return new StagedProfile("ramp", List.of(new Stage("ramp", Phase.Kind.RAMP, fromRate, toRate, duration)));
    }

    /** {@code calls} operations all intended to start at the same instant. */
    public static LoadProfile burst(long calls) {
        return new BurstProfile(calls);
    }

    /**
     * A spike with default surroundings: the base rate for {@code max(5 s, spike)}, the spike rate for the spike's
     * length, then the base rate for {@code max(10 s, 2 × spike)} to observe recovery.
     */
    public static LoadProfile spike(double baseRate, double spikeRate, Duration spike) {
        Duration before = max(Duration.ofSeconds(5), spike);
        Duration after = max(Duration.ofSeconds(10), spike.multipliedBy(2));
        return spike(baseRate, spikeRate, before, spike, after);
    }

    /** A spike: base rate for {@code before}, spike rate for {@code spike}, base rate for {@code after}. */
    public static LoadProfile spike(
            double baseRate, double spikeRate, Duration before, Duration spike, Duration after) {
        return new StagedProfile(
                "spike:",
                List.of(
                        new Stage("baseline", Phase.Kind.STEADY, baseRate, baseRate, before),
                        new Stage("spike", Phase.Kind.SPIKE, spikeRate, spikeRate, spike),
                        new Stage("recovery", Phase.Kind.RECOVERY, baseRate, baseRate, after)));
    }

    /** Starts a multi-stage profile. */
    public static Stages stages() {
        return new Stages();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
