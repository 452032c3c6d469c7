package dev.costagent.perf.profile;

import dev.costagent.perf.result.Phase;
import java.time.Duration;
import java.util.Objects;

/**
 * One stretch of a staged profile: the arrival rate moves linearly from {@code fromRate} to {@code toRate} over
 * {@code length} (equal rates hold it steady).
 *
 * @param name     label for reports
 * @param kind     what the stage is (steady, ramp, spike, recovery)
 * @param fromRate arrivals per second at the start, not negative
 * @param toRate   arrivals per second at the end, not negative
 * @param length   how long the stage lasts, positive
 */
public record Stage(String name, Phase.Kind kind, double fromRate, double toRate, Duration length) {

    /** Validates the stage. */
    public Stage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(length, "length");
        if (!(fromRate >= 0) || !(toRate >= 0) || Double.isInfinite(fromRate) || Double.isInfinite(toRate)) {
            throw new IllegalArgumentException(
                    "stage '" + name + "': rates must be finite and not negative, got " + fromRate + " and " + toRate);
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("stage '" + name + "': length must be positive, got " + length);
        }
    }

    /**
     * Seconds from the stage's start to its {@code k}-th arrival (0-based), or infinity when the stage has no such
     * arrival. The cumulative count {@code r0·t + a·t²/2} reaches {@code k} at {@code t = 2k / (r0 + √(r0² + 2ak))},
     * a form that stays exact for ramps up, ramps down and constant rates alike.
     */
    double arrivalSeconds(long k) {
        double r0 = fromRate;
        double a = (toRate - fromRate) / (length.toNanos() / 1e9);
        if (k == 0) {
            return r0 > 0 || a > 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        double discriminant = r0 * r0 + 2 * a * k;
        if (discriminant < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double denominator = r0 + Math.sqrt(discriminant);
        return denominator <= 0 ? Double.POSITIVE_INFINITY : 2 * k / denominator;
    }

    /** This stage with its length and rates scaled. */
    Stage scaled(double timeFactor, double rateFactor) {
        long nanos = Math.max(1, Math.round(length.toNanos() * timeFactor));
        return new Stage(name, kind, fromRate * rateFactor, toRate * rateFactor, Duration.ofNanos(nanos));
    }

    /** Such as {@code "50/s for 10.00 s"} or {@code "5/s→50/s over 2.00 s"}. */
    String describe() {
        String span = span(length);
        return fromRate == toRate
                ? rate(fromRate) + " for " + span
                : rate(fromRate) + "→" + rate(toRate) + " over " + span;
    }

    static String rate(double perSecond) {
        return perSecond == Math.rint(perSecond)
                ? (long) perSecond + "/s"
                : String.format(java.util.Locale.ROOT, "%.2f/s", perSecond);
    }

    /**
     * A stage length as the harness prints durations ("212.4 ms", "3.20 s"); kept here rather than calling the
     * load package's formatter, so profiles depend on the SPI only.
     */
    private static String span(java.time.Duration length) {
        double nanos = length.toNanos();
        if (nanos < 1_000) {
            return String.format(java.util.Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(java.util.Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
