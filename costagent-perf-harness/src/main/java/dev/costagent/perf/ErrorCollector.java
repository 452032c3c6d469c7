package dev.costagent.perf;

import dev.costagent.perf.result.ErrorStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counts failures by exception type and keeps the first few stack traces. Only touched when an operation fails. */
final class ErrorCollector {

    private final Map<String, LongAdder> byType = new ConcurrentHashMap<>();
    private final AtomicInteger traceSlots = new AtomicInteger();
    private final List<String> traces = new CopyOnWriteArrayList<>();

    void record(Throwable failure) {
        byType.computeIfAbsent(failure.getClass().getName(), k -> new LongAdder())
                .increment();
        if (traceSlots.getAndIncrement() < ErrorStats.KEPT_TRACES) {
            StringWriter text = new StringWriter();
            failure.printStackTrace(new PrintWriter(text));
            traces.add(text.toString());
        }
    }

    ErrorStats snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        byType.entrySet().stream()
                .sorted(Comparator.comparing(
                                (Map.Entry<String, LongAdder> e) -> e.getValue().sum())
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> counts.put(e.getKey(), e.getValue().sum()));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new ErrorStats(total, counts, traces);
    }
}
