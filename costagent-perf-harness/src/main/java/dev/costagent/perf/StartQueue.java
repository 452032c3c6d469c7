package dev.costagent.perf;

import dev.costagent.perf.spi.LoadProfile;

/**
 * Hands out intended start times to free workers, in schedule order. Starts that fall due while no worker is free
 * wait here (a ring of primitive offsets, grown up to the queue bound); one that falls due when {@code maxQueue} are
 * already waiting, or that is older than {@code maxLateness} when a worker finally takes it, is dropped.
 *
 * <p>The queue is filled lazily, when a worker asks: since everything depends only on the clock, that gives the same
 * drops as a dispatcher thread would, without one. Offsets are nanoseconds from the start of the run; the warm-up
 * schedule (if any) comes first and the measured one follows, shifted by the warm-up length.
 */
final class StartQueue {

    private final LoadProfile.Schedule warmup;
    private final LoadProfile.Schedule measured;
    private final long warmupNanos;
    private final long maxLatenessNanos;
    private final int maxQueue;

    private long[] ring = new long[64];
    private int head;
    private int size;
    private long lookahead;
    private boolean inWarmup;
    /** Measured starts dropped; written under the lock, read by the sampler. */
    private volatile long dropped;

    StartQueue(LoadProfile profile, long warmupNanos, long maxLatenessNanos, int maxQueue) {
        this.warmup = warmupNanos > 0 ? profile.schedule() : null;
        this.measured = profile.schedule();
        this.warmupNanos = warmupNanos;
        this.maxLatenessNanos = maxLatenessNanos;
        this.maxQueue = maxQueue;
        this.inWarmup = warmupNanos > 0;
        this.lookahead = nextScheduled();
    }

    /**
     * The next start for a worker that is free at {@code now} (offset from the run start): the oldest waiting start,
     * or the next future one; {@link LoadProfile.Schedule#END} when there are no more.
     */
    synchronized long claim(long now) {
        fill(now);
        while (size > 0) {
            long intended = pop();
            if (now - intended > maxLatenessNanos) {
                drop(intended);
            } else {
                return intended;
            }
        }
        long intended = lookahead;
        if (intended != LoadProfile.Schedule.END) {
            lookahead = nextScheduled();
        }
        return intended;
    }

    /** Measured starts dropped so far. */
    long dropped() {
        return dropped;
    }

    /** Starts due by {@code now} (offset from the run start) and still waiting for a worker. */
    synchronized int waiting(long now) {
        fill(now);
        return size;
    }

    /** Moves the starts due by {@code now} into the queue, dropping those that find it full. */
    private void fill(long now) {
        while (lookahead != LoadProfile.Schedule.END && lookahead <= now) {
            if (size < maxQueue) {
                push(lookahead);
            } else {
                drop(lookahead);
            }
            lookahead = nextScheduled();
        }
    }

    private long nextScheduled() {
        if (inWarmup) {
            long t = warmup.nextStartNanos();
            if (t != LoadProfile.Schedule.END && t < warmupNanos) {
                return t;
            }
            inWarmup = false;
        }
        long t = measured.nextStartNanos();
        return t == LoadProfile.Schedule.END ? t : t + warmupNanos;
    }

    private void drop(long intended) {
        if (intended >= warmupNanos) {
            dropped = dropped + 1; // only ever written under the lock
        }
    }

    private void push(long intended) {
        if (size == ring.length) {
            long[] bigger = new long[ring.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = ring[(head + i) % ring.length];
            }
            ring = bigger;
            head = 0;
        }
        ring[(head + size) % ring.length] = intended;
        size++;
    }

    private long pop() {
        long intended = ring[head];
        head = (head + 1) % ring.length;
        size--;
        return intended;
    }
}
