package dev.costagent.perf.profile;

import dev.costagent.perf.result.Phase;
import dev.costagent.perf.spi.LoadProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a multi-stage profile, each stage continuing from the rate the previous one ended at:
 *
 * <pre>{@code
 * LoadProfile p = LoadProfiles.stages()
 *         .hold(5, Duration.ofSeconds(10))      // baseline
 *         .rampTo(50, Duration.ofSeconds(2))
 *         .hold(50, Duration.ofSeconds(10))
 *         .rampTo(5, Duration.ofSeconds(2))
 *         .hold(5, Duration.ofSeconds(20))
 *         .build();
 * }</pre>
 */
public final class Stages {

    private final List<Stage> stages = new ArrayList<>();
    private double rate;

    Stages() {}

    /** Holds a steady rate for a while. */
    public Stages hold(double ratePerSecond, Duration length) {
        return add(new Stage("steady", Phase.Kind.STEADY, ratePerSecond, ratePerSecond, length));
    }

    /** Moves linearly from the current rate (0 at first) to {@code ratePerSecond} over {@code length}. */
    public Stages rampTo(double ratePerSecond, Duration length) {
        return add(new Stage("ramp", Phase.Kind.RAMP, rate, ratePerSecond, length));
    }

    /** A spike: a steady higher rate, marked so spike recovery can be measured after it. */
    public Stages spike(double ratePerSecond, Duration length) {
        return add(new Stage("spike", Phase.Kind.SPIKE, ratePerSecond, ratePerSecond, length));
    }

    /** The steady rate after a spike, marked as recovery. */
    public Stages recover(double ratePerSecond, Duration length) {
        return add(new Stage("recovery", Phase.Kind.RECOVERY, ratePerSecond, ratePerSecond, length));
    }

    /** No arrivals for a while. */
    public Stages pause(Duration length) {
        return add(new Stage("pause", Phase.Kind.STEADY, 0, 0, length));
    }

    /** Adds any stage. */
    public Stages add(Stage stage) {
        stages.add(stage);
        rate = stage.toRate();
        return this;
    }

    /**
     * The profile.
     *
     * @throws IllegalArgumentException when no stage was added
     */
    public LoadProfile build() {
        return new StagedProfile("stages:", stages);
    }
}
