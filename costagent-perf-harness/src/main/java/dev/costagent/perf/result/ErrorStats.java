package dev.costagent.perf.result;

import java.util.List;
import java.util.Map;

/**
 * The failures of a run: how many of each exception type, and the stack traces of the first few.
 *
 * @param total        every failed operation
 * @param countsByType failures by exception class name, most frequent first
 * @param firstTraces  the stack traces of the first failures, as text (at most {@link #KEPT_TRACES})
 */
public record ErrorStats(long total, Map<String, Long> countsByType, List<String> firstTraces) {

    /** How many stack traces a run keeps. */
    public static final int KEPT_TRACES = 5;

    /** Copies the collections. */
    public ErrorStats {
        countsByType = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(countsByType));
        firstTraces = List.copyOf(firstTraces);
    }
}
