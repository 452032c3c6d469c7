package dev.costagent.perf.resource;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JVM's management beans. Allocation counters use {@code com.sun.management.ThreadMXBean} where the JVM
 * has it. On Java 21+ its {@code getTotalThreadAllocatedBytes()} counts ended threads too, exactly; before that,
 * per-thread counters are summed and the allocations of threads that ended between two reads are kept from their
 * last read (what such a thread allocated after that is lost, so totals on Java 17 are a lower bound).
 */
final class JvmGauges {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.ThreadMXBean allocationCounters = allocationCounters(threads);
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    private final MethodHandle totalAllocated = totalAllocatedHandle(allocationCounters);
    private final Map<Long, Long> lastAllocatedByThread = new HashMap<>();
    private long allocatedByEndedThreads;

    /**
     * Current-thread allocation counter, or -1 when the JVM does not offer one (virtual threads on Java 21+ have
     * none).
     */
    static long currentThreadAllocatedBytes() {
        try {
            return CurrentThread.COUNTERS == null ? -1 : CurrentThread.COUNTERS.getCurrentThreadAllocatedBytes();
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }

    /** Current-thread CPU time, or -1 when unsupported (including virtual threads). */
    static long currentThreadCpuNanos() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        try {
            return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : -1;
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }

    boolean allocationMeasurable() {
        return allocationCounters != null;
    }

    long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Sum over heap pools of the usage after their most recent collection; -1 when no pool reports one. */
    long heapAfterGc() {
        long total = 0;
        boolean any = false;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage after = pool.getCollectionUsage();
            if (after != null) {
                total += after.getUsed();
                any = true;
            }
        }
        return any && gcCount() > 0 ? total : -1;
    }

    /** Bytes allocated by all threads ever seen, including ended ones (up to their last read); -1 if unsupported. */
    long allocatedBytes() {
        if (allocationCounters == null) {
            return -1;
        }
        if (totalAllocated != null) {
            try {
                long total = (long) totalAllocated.invokeExact(allocationCounters);
                if (total >= 0) {
                    return total;
                }
            } catch (Throwable e) {
                // fall through to the per-thread sum
            }
        }
        long[] ids = threads.getAllThreadIds();
        long[] allocated = allocationCounters.getThreadAllocatedBytes(ids);
        Map<Long, Long> seen = new HashMap<>(ids.length * 2);
        long live = 0;
        for (int i = 0; i < ids.length; i++) {
            if (allocated[i] >= 0) {
                seen.put(ids[i], allocated[i]);
                live += allocated[i];
            }
        }
        for (Map.Entry<Long, Long> previous : lastAllocatedByThread.entrySet()) {
            if (!seen.containsKey(previous.getKey())) {
                allocatedByEndedThreads += previous.getValue();
            }
        }
        lastAllocatedByThread.clear();
        lastAllocatedByThread.putAll(seen);
        return allocatedByEndedThreads + live;
    }

    /** Process CPU time, or -1 when the platform bean does not expose it. */
    long processCpuNanos() {
        if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
            long nanos = bean.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos;
        }
        return -1;
    }

    long gcCount() {
        long total = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    long gcTimeMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    int threadCount() {
        return threads.getThreadCount();
    }

    private static com.sun.management.ThreadMXBean allocationCounters(ThreadMXBean bean) {
        if (bean instanceof com.sun.management.ThreadMXBean counters && counters.isThreadAllocatedMemorySupported()) {
            if (!counters.isThreadAllocatedMemoryEnabled()) {
                counters.setThreadAllocatedMemoryEnabled(true);
            }
            return counters;
        }
        return null;
    }

    /** {@code getTotalThreadAllocatedBytes()} (Java 21+) as a handle, or null before Java 21. */
    private static MethodHandle totalAllocatedHandle(com.sun.management.ThreadMXBean counters) {
        if (counters == null) {
            return null;
        }
        try {
            return MethodHandles.publicLookup()
                    .findVirtual(
                            com.sun.management.ThreadMXBean.class,
                            "getTotalThreadAllocatedBytes",
                            MethodType.methodType(long.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Lazily resolved, so merely loading this class never touches the bean. */
    private static final class CurrentThread {
        static final com.sun.management.ThreadMXBean COUNTERS = allocationCounters(ManagementFactory.getThreadMXBean());
    }
}
