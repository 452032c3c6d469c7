package dev.costagent.perf;

import java.time.Duration;
import java.util.Objects;

/**
 * Configures a closed model: a fixed number of users, each calling the operation again as soon as the previous call
 * returns. Bounded either by iterations per user or by a duration. Service time equals response time in this model;
 * it cannot see queueing in front of the system (see {@link Load#open(double)} for that).
 */
public final class ClosedLoadBuilder extends LoadBuilder<ClosedLoadBuilder> {

    private final int users;
    private long iterations;
    private Duration duration;
    private Duration rampUp = Duration.ZERO;

    ClosedLoadBuilder(int users) {
        if (users <= 0) {
            throw new IllegalArgumentException("users must be positive, got " + users);
        }
        this.users = users;
    }

    /** Measured calls per user (after warm-up); replaces any duration. */
    public ClosedLoadBuilder iterations(long iterations) {
        if (iterations <= 0) {
            throw new IllegalArgumentException("iterations must be positive, got " + iterations);
        }
        this.iterations = iterations;
        this.duration = null;
        return this;
    }

    /** How long users keep calling (after warm-up); replaces any iteration count. */
    public ClosedLoadBuilder duration(Duration duration) {
        this.duration = positive(duration, "duration");
        this.iterations = 0;
        return this;
    }

    /** Users start evenly spread over this time instead of all at once. Default none. */
    public ClosedLoadBuilder rampUp(Duration rampUp) {
        this.rampUp = nonNegative(rampUp, "rampUp");
        return this;
    }

    @Override
    public LoadResult run(Load.Operation operation) {
        Objects.requireNonNull(operation, "operation");
        long perUser = duration == null && iterations == 0 ? 1 : iterations;
        ClosedRun.Plan plan = new ClosedRun.Plan(name, users, perUser, duration, rampUp, warmup, threads, probes, listeners);
        return new ClosedRun(plan, operation).execute();
    }
}
