package dev.costagent.core.analysis.utilization;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;

/**
 * One utilization metric of one resource over time, sorted by time.
 *
 * @param resourceId the resource
 * @param metric what was measured: {@code cpu}, {@code memory}, {@code network_in} or {@code network_out}
 * @param epochSeconds sample times, ascending
 * @param values the sample values (percent for cpu and memory, bytes for network)
 */
public record UtilizationSeries(String resourceId, String metric, long[] epochSeconds, double[] values) {

    /** Copies and sorts the samples by time; rejects NaN and mismatched lengths. */
    public UtilizationSeries {
        requireNonNull(resourceId, "resourceId");
        requireNonNull(metric, "metric");
        if (epochSeconds.length != values.length) {
            throw new IllegalArgumentException("series " + resourceId + "/" + metric + " has " + epochSeconds.length
                    + " times but " + values.length + " values");
        }
        int[] order = timeOrder(epochSeconds);
        long[] sortedTimes = new long[order.length];
        double[] sortedValues = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            sortedTimes[i] = epochSeconds[order[i]];
            sortedValues[i] = values[order[i]];
            if (!Double.isFinite(sortedValues[i])) {
                throw new IllegalArgumentException("series " + resourceId + "/" + metric + " has a non-finite value at "
                        + Instant.ofEpochSecond(sortedTimes[i]));
            }
        }
        epochSeconds = sortedTimes;
        values = sortedValues;
    }

    /**
     * The sample indexes in time order, equal times in input order. Exports and sub-series are usually in order
     * already, which a single pass confirms without the sort.
     */
    private static int[] timeOrder(long[] times) {
        int[] order = new int[times.length];
        boolean ascending = true;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            ascending &= i == 0 || times[i - 1] <= times[i];
        }
        if (ascending) {
            return order;
        }
        Integer[] boxed = new Integer[times.length];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(times[a], times[b])); // stable: equal times keep input order
        for (int i = 0; i < boxed.length; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    /** The sample times (a copy). */
    @Override
    public long[] epochSeconds() {
        return epochSeconds.clone();
    }

    /** The sample values (a copy). */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** How many samples. */
    public int size() {
        return values.length;
    }

    /** The samples from {@code fromEpochSecond} (inclusive) on, as a new series. */
    public UtilizationSeries since(long fromEpochSecond) {
        int first = 0;
        while (first < epochSeconds.length && epochSeconds[first] < fromEpochSecond) {
            first++;
        }
        return new UtilizationSeries(
                resourceId,
                metric,
                Arrays.copyOfRange(epochSeconds, first, epochSeconds.length),
                Arrays.copyOfRange(values, first, values.length));
    }

    // Arrays compare by identity in generated record methods; series are values, so compare contents.
    @Override
    public boolean equals(Object o) {
        return o instanceof UtilizationSeries s
                && s.resourceId.equals(resourceId)
                && s.metric.equals(metric)
                && Arrays.equals(s.epochSeconds, epochSeconds)
                && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * resourceId.hashCode() + metric.hashCode()) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "UtilizationSeries[" + resourceId + "/" + metric + ", " + values.length + " samples]";
    }
}
