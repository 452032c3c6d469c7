package dev.costagent.core.analysis.anomaly;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The outcome of an anomaly scan.
 *
 * @param status whether there was enough history to scan at all
 * @param historyDays days of data available
 * @param requiredDays days of history a day needs before it can be judged
 * @param dimensions the scanned dimensions ({@code total} first)
 * @param seriesScanned how many series were scanned
 * @param threshold the minimum absolute score used
 * @param anomalies the anomalies, most recent first, then by absolute impact
 * @param method how anomalies are found, in one paragraph
 */
public record AnomalyScan(
        Status status,
        int historyDays,
        int requiredDays,
        List<String> dimensions,
        int seriesScanned,
        double threshold,
        List<Anomaly> anomalies,
        String method) {

    /** Whether the scan ran. */
    public enum Status {
        /** The scan ran over every day with enough history. */
        OK,
        /** Fewer days than needed: nothing was judged. */
        INSUFFICIENT_HISTORY
    }

    /** Copies the lists. */
    public AnomalyScan {
        requireNonNull(status, "status");
        dimensions = List.copyOf(dimensions);
        anomalies = List.copyOf(anomalies);
        requireNonNull(method, "method");
    }
}
