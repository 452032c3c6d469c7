package dev.costagent.perf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.HdrHistogram.Histogram;

/**
 * A latency recorder for one writer thread that costs the writer no atomic instruction: a plain histogram increment
 * plus a release store. HdrHistogram's own recorders pay two atomic increments per value, a third of the harness's
 * budget for a no-op call.
 *
 * <p>The reader hands the writer a fresh histogram ({@link #swap()}) and may take the old one only once the writer
 * has <em>acknowledged</em> the swap by finishing a record into the new one ({@link #collect}): in program order the
 * writer is then done with the old histogram, and the release/acquire pair makes its counts visible. A writer stuck in
 * a long call acknowledges late; its old histogram is collected on a later try, never lost. After the writer has
 * finished, {@link #collectAll} takes everything.
 */
final class HandoffRecorder {

    private static final VarHandle ACKNOWLEDGED;

    static {
        try {
            ACKNOWLEDGED = MethodHandles.lookup().findVarHandle(HandoffRecorder.class, "acknowledged", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The histogram the writer records into; replaced by the reader. */
    private volatile EpochHistogram active = new EpochHistogram();
    /** The epoch of the histogram the writer last finished a record into. */
    @SuppressWarnings("unused") // accessed through ACKNOWLEDGED
    private long acknowledged;

    // Reader state.
    private EpochHistogram spare = new EpochHistogram();
    private EpochHistogram pending;
    private long epoch;

    /** Records one value (writer thread only). */
    void record(long value) {
        EpochHistogram target = active;
        target.recordValue(value);
        ACKNOWLEDGED.setRelease(this, target.epoch);
    }

    /** Starts a new interval, unless the previous hand-off is still unacknowledged (reader thread only). */
    void swap() {
        if (pending != null) {
            return;
        }
        EpochHistogram next = spare;
        spare = null;
        next.epoch = ++epoch;
        pending = active;
        active = next;
    }

    /** Adds the swapped-out histogram to {@code into} if the writer is done with it; true when nothing is pending. */
    boolean collect(Histogram into) {
        if (pending == null) {
            return true;
        }
        if ((long) ACKNOWLEDGED.getAcquire(this) != epoch) {
            return false;
        }
        into.add(pending);
        pending.reset();
        spare = pending;
        pending = null;
        return true;
    }

    /** Adds everything recorded to {@code into}; only once the writer has finished (and that is visible). */
    void collectAll(Histogram into) {
        if (pending != null) {
            into.add(pending);
            pending.reset();
            spare = pending;
            pending = null;
        }
        into.add(active);
        active.reset();
    }

    /** A histogram tagged with the hand-off epoch it was published in. */
    private static final class EpochHistogram extends Histogram {
        private static final long serialVersionUID = 1L;
        /** Written by the reader before publishing through the volatile {@code active}. */
        long epoch;

        EpochHistogram() {
            super(3);
        }
    }
}
