package dev.costagent.perf;

import dev.costagent.perf.profile.LoadProfiles;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.LoadProfile;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures an open model: operations start at intended times from a {@link LoadProfile}, whether or not earlier
 * ones have returned. A start that finds every worker busy waits for the next free worker and its response time
 * counts from its intended time; it is dropped (counted in {@link LoadResult#droppedStarts()}) only when it is later
 * than {@link #maxLateness} or when {@link #maxQueue} starts are already waiting.
 */
public final class OpenLoadBuilder extends LoadBuilder<OpenLoadBuilder> {

    /** Default bound on waiting starts. */
    public static final int DEFAULT_MAX_QUEUE = 100_000;

    private final double rate;
    private LoadProfile profile;
    private int maxConcurrency = Math.max(64, Runtime.getRuntime().availableProcessors() * 8);
    private Duration maxLateness;
    private int maxQueue = DEFAULT_MAX_QUEUE;

    OpenLoadBuilder(double rate, LoadProfile profile) {
        this.rate = rate;
        this.profile = profile;
    }

    /**
     * How long a constant-rate load lasts.
     *
     * @throws IllegalStateException when the load was built from a profile, which fixes its own duration
     */
    public OpenLoadBuilder duration(Duration duration) {
        positive(duration, "duration");
        if (rate == 0) {
            throw new IllegalStateException("this load follows a profile, which fixes its own duration");
        }
        this.profile = LoadProfiles.constant(rate, duration);
        return this;
    }

    /** At most this many operations in flight (the worker count). Default 64 or 8 per core, whichever is more. */
    public OpenLoadBuilder maxConcurrency(int maxConcurrency) {
        if (maxConcurrency <= 0) {
            throw new IllegalArgumentException("maxConcurrency must be positive, got " + maxConcurrency);
        }
        this.maxConcurrency = maxConcurrency;
        return this;
    }

    /** Drop a start that could not begin within this time of its intended start. Default: never drop for lateness. */
    public OpenLoadBuilder maxLateness(Duration maxLateness) {
        this.maxLateness = nonNegative(maxLateness, "maxLateness");
        return this;
    }

    /** Drop a start that falls due while this many are already waiting for a worker. Default 100,000. */
    public OpenLoadBuilder maxQueue(int maxQueue) {
        if (maxQueue < 0) {
            throw new IllegalArgumentException("maxQueue must not be negative, got " + maxQueue);
        }
        this.maxQueue = maxQueue;
        return this;
    }

    @Override
    public LoadResult run(Load.Operation operation) {
        Objects.requireNonNull(operation, "operation");
        if (profile == null) {
            throw new IllegalStateException("an open load at " + rate + "/s needs a duration: call duration(...)");
        }
        long lateness = maxLateness == null ? Long.MAX_VALUE : maxLateness.toNanos();
        OpenRun.Plan plan =
                new OpenRun.Plan(name, profile, maxConcurrency, lateness, maxQueue, warmup, threads, probes, listeners);
        return new OpenRun(plan, operation).execute();
    }
}
