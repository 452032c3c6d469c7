package dev.costagent.perf;

import dev.costagent.perf.profile.LoadProfiles;
import dev.costagent.perf.spi.LoadProfile;

/**
 * Where every load test starts: choose a workload model, configure it, and {@code run} an operation.
 *
 * <pre>{@code
 * LoadResult closed = Load.closed(20).iterations(1_000).warmup(Duration.ofSeconds(2)).run(() -> service.call());
 * LoadResult open = Load.open(100).duration(Duration.ofSeconds(30)).maxConcurrency(64).run(() -> service.call());
 * LoadResult spike = Load.open(LoadProfiles.spike(5, 50, Duration.ofSeconds(10))).run(() -> service.call());
 * }</pre>
 */
public final class Load {

    private Load() {}

    /**
     * A closed model: {@code users} concurrent users, each calling the operation in a loop. Without
     * {@code iterations} or {@code duration}, each user calls once.
     *
     * @throws IllegalArgumentException if users is not positive
     */
    public static ClosedLoadBuilder closed(int users) {
        return new ClosedLoadBuilder(users);
    }

    /**
     * An open model at a constant arrival rate; set its {@code duration}.
     *
     * @param ratePerSecond arrivals per second, independent of response times
     * @throws IllegalArgumentException if the rate is not positive
     */
    public static OpenLoadBuilder open(double ratePerSecond) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException(
                    "rate must be a positive number of arrivals per second, got " + ratePerSecond);
        }
        return new OpenLoadBuilder(ratePerSecond, null);
    }

    /** An open model following a profile: ramps, stages, bursts, spikes, or a custom schedule. */
    public static OpenLoadBuilder open(LoadProfile profile) {
        java.util.Objects.requireNonNull(profile, "profile");
        return new OpenLoadBuilder(0, profile);
    }

    /**
     * Burst: {@code calls} operations all intended to start at the same instant, with one worker per call up to
     * {@value #MAX_BURST_WORKERS} (change it with {@code maxConcurrency}).
     */
    public static OpenLoadBuilder burst(int calls) {
        return open(LoadProfiles.burst(calls)).maxConcurrency(Math.min(calls, MAX_BURST_WORKERS));
    }

    /** The default worker bound of {@link #burst(int)}. */
    public static final int MAX_BURST_WORKERS = 10_000;

    /** The operation under load. Failures (any exception or error) are counted by type, never lost. */
    @FunctionalInterface
    public interface Operation {
        /** One call of the code under test. */
        void call() throws Exception;
    }
}
