package dev.costagent.perf.resource;

import dev.costagent.perf.stats.LeastSquares;
import dev.costagent.perf.stats.LinearFit;
import java.util.Locale;
import java.util.Objects;

/**
 * A leak check: calls an operation in rounds and reads the {@link LiveHeap live heap} after each round; a leak is
 * retained heap that grows with the calls. The figure is the least-squares slope of live heap over calls, in bytes
 * per call, after one untimed round that lets caches, class loading and JIT data settle.
 *
 * <pre>{@code
 * LeakCheck.Result r = LeakCheck.of(() -> service.handle(request)).rounds(5).callsPerRound(1_000).run();
 * assertThat(r.bytesPerCall()).isLessThan(8.0);   // or: r.leaks(8.0)
 * }</pre>
 *
 * <p>Error: each reading is exact to within the two settled collections of {@link LiveHeap} (usually a few KiB);
 * divided over {@code callsPerRound}, that is the resolution in bytes per call. Other threads allocating and
 * keeping objects during the check add to it.
 */
public final class LeakCheck {

    private final Runnable operation;
    private final int rounds;
    private final int callsPerRound;

    private LeakCheck(Runnable operation, int rounds, int callsPerRound) {
        this.operation = operation;
        this.rounds = rounds;
        this.callsPerRound = callsPerRound;
    }

    /** A check of {@code operation} with defaults: 5 rounds of 1,000 calls. */
    public static LeakCheck of(Runnable operation) {
        return new LeakCheck(Objects.requireNonNull(operation, "operation"), 5, 1_000);
    }

    /** Rounds measured (at least 3). */
    public LeakCheck rounds(int count) {
        if (count < 3) {
            throw new IllegalArgumentException("a leak check needs at least 3 rounds, was " + count);
        }
        return new LeakCheck(operation, count, callsPerRound);
    }

    /** Calls per round (at least 1). */
    public LeakCheck callsPerRound(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("calls per round must be >= 1, was " + count);
        }
        return new LeakCheck(operation, rounds, count);
    }

    /**
     * What a leak check found.
     *
     * @param liveHeapBytes live heap after each measured round
     * @param callsPerRound calls per round
     * @param bytesPerCall  slope of live heap over calls
     * @param confirmed     whether every reading was confirmed by GC notifications
     */
    public record Result(long[] liveHeapBytes, int callsPerRound, double bytesPerCall, boolean confirmed) {

        /** Copies. */
        public Result {
            liveHeapBytes = liveHeapBytes.clone();
        }

        /** A copy of the readings. */
        @Override
        public long[] liveHeapBytes() {
            return liveHeapBytes.clone();
        }

        /** Whether the retained heap grew by more than {@code maxBytesPerCall} per call (or could not be read). */
        public boolean leaks(double maxBytesPerCall) {
            return !confirmed || bytesPerCall > maxBytesPerCall;
        }

        /** One line for reports. */
        public String describe() {
            return String.format(
                    Locale.ROOT,
                    "retained growth %.2f B/call over %d rounds of %,d calls%s",
                    bytesPerCall,
                    liveHeapBytes.length,
                    callsPerRound,
                    confirmed ? "" : " (not measurable: no requested GC was confirmed)");
        }
    }

    /** Runs the check on the calling thread. */
    public Result run() {
        for (int i = 0; i < callsPerRound; i++) {
            operation.run(); // the untimed round: one-time allocations are not a leak
        }
        long[] live = new long[rounds];
        double[] calls = new double[rounds];
        double[] bytes = new double[rounds];
        boolean confirmed = true;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < callsPerRound; i++) {
                operation.run();
            }
            LiveHeap.Reading reading = LiveHeap.measure();
            confirmed &= reading.confirmed();
            live[round] = reading.bytes();
            calls[round] = (double) (round + 1) * callsPerRound;
            bytes[round] = reading.bytes();
        }
        LinearFit fit = LeastSquares.line(calls, bytes);
        return new Result(live, callsPerRound, fit.slope(), confirmed);
    }
}
