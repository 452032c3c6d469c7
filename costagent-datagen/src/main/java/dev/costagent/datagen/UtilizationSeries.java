package dev.costagent.datagen;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;

/**
 * A generated utilization series of one resource: CPU (and optionally memory) percent at a fixed step. The profile is
 * the ground truth the series was drawn from.
 *
 * <p>The arrays are owned by the series; accessors return copies.
 *
 * @param resourceId the resource
 * @param profile the shape the series was generated with
 * @param start the first sample's time
 * @param stepSeconds seconds between samples
 * @param cpu CPU percent per sample, 0 to 100
 * @param memory memory percent per sample, or null when memory was not generated
 */
public record UtilizationSeries(
        String resourceId, UtilizationProfile profile, Instant start, int stepSeconds, float[] cpu, float[] memory) {

    /** Validates and copies. */
    public UtilizationSeries {
        requireNonNull(resourceId, "resourceId");
        requireNonNull(profile, "profile");
        requireNonNull(start, "start");
        cpu = requireNonNull(cpu, "cpu").clone();
        memory = memory == null ? null : memory.clone();
        if (stepSeconds <= 0) {
            throw new IllegalArgumentException("stepSeconds must be positive, got " + stepSeconds);
        }
        if (memory != null && memory.length != cpu.length) {
            throw new IllegalArgumentException("memory has " + memory.length + " samples, cpu " + cpu.length);
        }
    }

    /** CPU percent per sample (a copy). */
    @Override
    public float[] cpu() {
        return cpu.clone();
    }

    /** Memory percent per sample (a copy), or null. */
    @Override
    public float[] memory() {
        return memory == null ? null : memory.clone();
    }

    /** The number of samples. */
    public int samples() {
        return cpu.length;
    }

    /** The time of sample {@code i}. */
    public Instant timestamp(int i) {
        return start.plusSeconds((long) i * stepSeconds);
    }

    /** CPU sample {@code i}, without copying the array. */
    public float cpuAt(int i) {
        return cpu[i];
    }

    /** Memory sample {@code i}; the series must have memory. */
    public float memoryAt(int i) {
        if (memory == null) {
            throw new IllegalStateException(resourceId + " has no memory series");
        }
        return memory[i];
    }

    /** The CPU percentile {@code p} (0 < p ≤ 100) by nearest rank: the ⌈p/100 · n⌉-th smallest sample. */
    public double cpuPercentile(double p) {
        return nearestRank(cpu, p);
    }

    /** The nearest-rank percentile {@code p} of some samples. */
    static double nearestRank(float[] values, double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UtilizationSeries s
                && resourceId.equals(s.resourceId)
                && profile == s.profile
                && start.equals(s.start)
                && stepSeconds == s.stepSeconds
                && Arrays.equals(cpu, s.cpu)
                && Arrays.equals(memory, s.memory);
    }

    @Override
    public int hashCode() {
        return resourceId.hashCode() * 31 + Arrays.hashCode(cpu);
    }

    @Override
    public String toString() {
        return "UtilizationSeries[" + resourceId + ", " + profile + ", " + cpu.length + " samples from " + start
                + " every " + stepSeconds + " s]";
    }
}
