package dev.costagent.perf.resource;

import java.util.Locale;

/**
 * The heap a stretch of code left reachable: the {@link LiveHeap live heap} after it minus the live heap before it,
 * both taken by requested and confirmed collections. Garbage that earlier code left is collected by the first
 * reading, so it is never charged to the code measured.
 *
 * @param before live heap when the window opened
 * @param after  live heap when the window closed
 */
public record RetainedHeap(LiveHeap.Reading before, LiveHeap.Reading after) {

    /** Measures the live heap now, to open a window. */
    public static LiveHeap.Reading open() {
        return LiveHeap.measure();
    }

    /** Measures the live heap now and closes the window opened by {@code before}. */
    public static RetainedHeap close(LiveHeap.Reading before) {
        return new RetainedHeap(before, LiveHeap.measure());
    }

    /** Bytes retained (may be negative when the code freed what was live before). */
    public long retainedBytes() {
        return after.bytes() - before.bytes();
    }

    /** Whether both readings were confirmed by collection notifications. */
    public boolean confirmed() {
        return before.confirmed() && after.confirmed();
    }

    /** The reading's error bound in bytes: the sum of both readings' errors (0 when each settled exactly). */
    public long errorBytes() {
        return Math.max(0, before.errorBytes()) + Math.max(0, after.errorBytes());
    }

    /** One line for reports. */
    public String describe() {
        return confirmed()
                ? String.format(
                        Locale.ROOT,
                        "retained %s (live %s -> %s, %d+%d confirmed GCs, error ±%s)",
                        signed(retainedBytes()),
                        Units.bytes(before.bytes()),
                        Units.bytes(after.bytes()),
                        before.collections(),
                        after.collections(),
                        Units.bytes(errorBytes()))
                : "retained heap not measurable: no requested GC was confirmed (explicit GC disabled?)";
    }

    /** A byte count with its sign. */
    static String signed(long bytes) {
        return bytes < 0 ? "-" + Units.bytes(-bytes) : Units.bytes(bytes);
    }
}
