package dev.costagent.perf.resource;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures the live heap: the bytes still reachable, taken by <em>requested and confirmed</em> collections rather
 * than by whatever the collector happened to do. {@link #measure()} calls {@link System#gc()} and waits for the
 * collector's own notification (a {@code com.sun.management.GarbageCollectionNotificationInfo} whose cause is
 * {@code "System.gc()"}) before reading the heap pools' usage after that collection; it repeats until two
 * consecutive confirmed collections agree within {@value #SETTLED_BYTES} bytes (finalizers, reference processing and
 * soft references can free more on the second pass), at most {@value #MAX_COLLECTIONS} times.
 *
 * <p>The error of a reading is the difference between its last two collections (reported as
 * {@link Reading#errorBytes()}), plus whatever other threads allocate and keep while it runs. When explicit GC is
 * disabled ({@code -XX:+DisableExplicitGC}) or the JVM emits no notifications, no collection is confirmed and the
 * reading says so ({@link Reading#confirmed()} is false): a retained-heap budget then fails as unmeasurable, never
 * passes on a guess.
 */
public final class LiveHeap {

    /** Two confirmed collections closer than this are taken as settled. */
    public static final long SETTLED_BYTES = 256 * 1024;
    /** Most collections one reading requests. */
    public static final int MAX_COLLECTIONS = 4;
    /** How long to wait for the notification of one requested collection. */
    private static final long CONFIRM_TIMEOUT_MILLIS = 10_000;

    private static final Object LOCK = new Object();

    private LiveHeap() {}

    /**
     * A live-heap reading.
     *
     * @param bytes       heap in use right after the last confirmed collection (heap used now when none confirmed)
     * @param collections confirmed collections requested for this reading
     * @param errorBytes  difference between the last two confirmed collections (-1 with fewer than two)
     * @param confirmed   whether at least one requested collection was confirmed by its notification
     */
    public record Reading(long bytes, int collections, long errorBytes, boolean confirmed) {}

    /**
     * Collects until the live heap is settled and returns it. Serialised JVM-wide: two readings never interleave.
     */
    public static Reading measure() {
        synchronized (LOCK) {
            List<Long> afterGc = new ArrayList<>();
            for (int i = 0; i < MAX_COLLECTIONS; i++) {
                long after = collectConfirmed();
                if (after < 0) {
                    break;
                }
                afterGc.add(after);
                int n = afterGc.size();
                if (n >= 2 && Math.abs(afterGc.get(n - 1) - afterGc.get(n - 2)) <= SETTLED_BYTES) {
                    break;
                }
            }
            if (afterGc.isEmpty()) {
                return new Reading(
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), 0, -1, false);
            }
            int n = afterGc.size();
            long error = n < 2 ? -1 : Math.abs(afterGc.get(n - 1) - afterGc.get(n - 2));
            return new Reading(afterGc.get(n - 1), n, error, true);
        }
    }

    /**
     * Requests one collection and waits for its notification; returns the heap in use after it (summed over heap
     * pools), or -1 when no notification confirmed it in time.
     */
    private static long collectConfirmed() {
        LinkedBlockingQueue<GarbageCollectionNotificationInfo> seen = new LinkedBlockingQueue<>();
        NotificationListener listener = (Notification notification, Object handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                seen.add(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
            }
        };
        List<NotificationEmitter> emitters = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        try {
            if (emitters.isEmpty()) {
                return -1;
            }
            System.gc();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONFIRM_TIMEOUT_MILLIS);
            while (true) {
                long wait = deadline - System.nanoTime();
                GarbageCollectionNotificationInfo info = wait <= 0 ? null : seen.poll(wait, TimeUnit.NANOSECONDS);
                if (info == null) {
                    return -1;
                }
                // Only the collection we asked for counts; a young collection that happened meanwhile does not.
                String action = info.getGcAction().toLowerCase(java.util.Locale.ROOT);
                if ("System.gc()".equals(info.getGcCause()) && !action.contains("minor") && !action.contains("pause")) {
                    return heapAfter(info.getGcInfo().getMemoryUsageAfterGc());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException e) {
                    // already gone: nothing to undo
                }
            }
        }
    }

    private static long heapAfter(Map<String, MemoryUsage> usageAfter) {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        long total = 0;
        for (Map.Entry<String, MemoryUsage> pool : usageAfter.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                total += pool.getValue().getUsed();
            }
        }
        return total;
    }
}
