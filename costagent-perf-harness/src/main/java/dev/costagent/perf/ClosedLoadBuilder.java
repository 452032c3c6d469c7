package dev.costagent.perf;

import dev.costagent.perf.result.LoadResult;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures a closed model: a fixed number of users, each calling the operation again as soon as the previous call
 * returns. Bounded by iterations per user, by total iterations, or by a duration. Service time equals response time in this model;
 * it cannot see queueing in front of the system (see {@link Load#open(double)} for that).
 */
public final class ClosedLoadBuilder extends LoadBuilder<ClosedLoadBuilder> {

    private final int users;
    private long iterations;
    private long totalIterations;
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
        this.totalIterations = 0;
        this.duration = null;
        return this;
    }

    /**
     * Measured calls of all users together, shared out evenly (the first users take one more when it does not
     * divide); replaces per-user iterations and any duration. Each user counts its own share, so the total is exact
     * without a shared counter.
     */
    public ClosedLoadBuilder totalIterations(long totalIterations) {
        if (totalIterations <= 0) {
            throw new IllegalArgumentException("totalIterations must be positive, got " + totalIterations);
        }
        this.totalIterations = totalIterations;
        this.iterations = 0;
        this.duration = null;
        return this;
    }

    /** How long users keep calling (after warm-up); replaces any iteration count. */
    public ClosedLoadBuilder duration(Duration duration) {
        this.duration = positive(duration, "duration");
        this.iterations = 0;
        this.totalIterations = 0;
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
        long perUser = duration == null && iterations == 0 && totalIterations == 0 ? 1 : iterations;
        ClosedRun.Plan plan = new ClosedRun.Plan(
                name, users, perUser, totalIterations, duration, rampUp, warmup, threads, probes, listeners);
        return new ClosedRun(plan, operation).execute();
    }
}
