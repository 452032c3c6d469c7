package dev.costagent.perf.baseline;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The samples of one benchmark as recorded for later comparison.
 *
 * @param name        benchmark name, also the file name in a {@link BaselineStore}
 * @param unit        unit of the samples, e.g. "ns/op"
 * @param samples     one value per measurement iteration
 * @param environment where the samples were measured
 * @param recordedAt  when (ISO-8601)
 * @param calibration {@link Calibration} samples measured right after the baseline (empty when none)
 */
public record Baseline(
        String name,
        String unit,
        double[] samples,
        EnvironmentFingerprint environment,
        String recordedAt,
        double[] calibration) {

    /** Validates and defensively copies the samples. */
    public Baseline {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(environment, "environment");
        if (samples == null || samples.length == 0) {
            throw new IllegalArgumentException("baseline '" + name + "' has no samples");
        }
        samples = samples.clone();
        calibration = calibration == null ? new double[0] : calibration.clone();
    }

    /** A baseline without calibration samples (recorded before they existed, or built by hand). */
    public Baseline(String name, String unit, double[] samples, EnvironmentFingerprint environment, String recordedAt) {
        this(name, unit, samples, environment, recordedAt, new double[0]);
    }

    /** This baseline with the {@link Calibration} samples measured beside it. */
    public Baseline withCalibration(double[] samples) {
        return new Baseline(name, unit, this.samples, environment, recordedAt, samples);
    }

    /** A copy of the calibration samples (empty when none were recorded). */
    @Override
    public double[] calibration() {
        return calibration.clone();
    }

    /** A baseline of {@code samples} measured now, in this environment. */
    public static Baseline of(String name, String unit, double[] samples) {
        return new Baseline(
                name,
                unit,
                samples,
                EnvironmentFingerprint.current(),
                Instant.now().toString());
    }

    /** A copy of the samples. */
    @Override
    public double[] samples() {
        return samples.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Baseline b
                && name.equals(b.name)
                && Objects.equals(unit, b.unit)
                && Arrays.equals(samples, b.samples)
                && environment.equals(b.environment)
                && Objects.equals(recordedAt, b.recordedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, unit, Arrays.hashCode(samples), environment, recordedAt);
    }

    @Override
    public String toString() {
        return "Baseline[" + name + ", " + samples.length + " samples " + unit + ", " + recordedAt + "]";
    }
}
