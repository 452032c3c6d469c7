package dev.costagent.examples.harness;

import dev.costagent.perf.Load;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.Phase;
import dev.costagent.perf.result.SecondSample;
import dev.costagent.perf.spi.LoadProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A custom {@link LoadProfile}: a compressed day whose arrival rate follows a sine wave, from a night-time trough up
 * to a midday peak and back down, repeating every {@code period}.
 *
 * <p>The whole contract of a profile is its {@link Schedule}: a cursor returning the <em>intended</em> start of each
 * call as an offset from the start of the run. The harness starts each call at that time whether or not earlier calls
 * have returned, and measures its response time from it. Here each start is one over the current rate after the
 * previous one, which follows the curve closely as long as the rate changes little between two calls.
 *
 * <pre>{@code
 * LoadResult r = Load.open(new DiurnalProfile(50, 400, ofSeconds(4), ofSeconds(4))).run(service::call);
 *
 * @CustomLoad(profile = DiurnalProfile.class)   // the no-argument day below
 * void browse() { service.call(); }
 * }</pre>
 *
 * <p>Registered in {@code META-INF/services/dev.costagent.perf.spi.LoadProfile}, it can also be selected by name:
 * {@code @CustomLoad(name = "diurnal")}. Run {@link #main} for a four-second day printed second by second.
 */
public final class DiurnalProfile implements LoadProfile {

    /** The name a ServiceLoader-registered instance is selected by. */
    public static final String NAME = "diurnal";

    private final double troughRate;
    private final double peakRate;
    private final Duration period;
    private final Duration duration;

    /** The day {@code @CustomLoad(profile = DiurnalProfile.class)} runs: 50/s rising to 250/s and back in 10 s. */
    public DiurnalProfile() {
        this(50, 250, Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    /**
     * A day of the given shape.
     *
     * @param troughRate arrivals per second at the start of each period (the night)
     * @param peakRate   arrivals per second in the middle of each period (midday), at least {@code troughRate}
     * @param period     the length of one day
     * @param duration   how long the schedule lasts; may cover part of a day or several
     * @throws IllegalArgumentException if a rate or length is not positive, or the peak is below the trough
     */
    public DiurnalProfile(double troughRate, double peakRate, Duration period, Duration duration) {
        if (!(troughRate > 0) || Double.isInfinite(peakRate) || !(peakRate >= troughRate)) {
            throw new IllegalArgumentException("diurnal rates need 0 < trough <= peak, got trough " + troughRate
                    + "/s and peak " + peakRate + "/s");
        }
        if (period.isNegative() || period.isZero() || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(
                    "diurnal period and duration must be positive, got " + period + " and " + duration);
        }
        this.troughRate = troughRate;
        this.peakRate = peakRate;
        this.period = period;
        this.duration = duration;
    }

    /** The arrival rate, per second, at {@code seconds} from the start of the run. */
    public double rateAt(double seconds) {
        double phase = 2 * Math.PI * seconds / (period.toNanos() / 1e9);
        return troughRate + (peakRate - troughRate) * (1 - Math.cos(phase)) / 2;
    }

    @Override
    public Schedule schedule() {
        long end = duration.toNanos();
        // A fresh cursor per run; its state is one double, so nextStartNanos() allocates nothing.
        return new Schedule() {
            private double nextSeconds;

            @Override
            public long nextStartNanos() {
                long at = (long) (nextSeconds * 1e9);
                if (at >= end) {
                    return END;
                }
                nextSeconds += 1 / rateAt(nextSeconds);
                return at;
            }
        };
    }

    @Override
    public Duration duration() {
        return duration;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return String.format(
                Locale.ROOT,
                "diurnal %.0f/s to %.0f/s, period %s, for %s",
                troughRate,
                peakRate,
                seconds(period),
                seconds(duration));
    }

    /** Each half day as a phase: "rising" from trough to peak, then "falling" back, as far as the duration goes. */
    @Override
    public List<Phase> phases() {
        List<Phase> phases = new ArrayList<>();
        Duration half = period.dividedBy(2);
        boolean rising = true;
        for (Duration start = Duration.ZERO; start.compareTo(duration) < 0; start = start.plus(half)) {
            Duration stop = start.plus(half).compareTo(duration) < 0 ? start.plus(half) : duration;
            phases.add(new Phase(rising ? "rising" : "falling", Phase.Kind.RAMP, start, stop));
            rising = !rising;
        }
        return phases;
    }

    /** The same curve squeezed or stretched in time and rate, so the CI overrides ({@code perf.scale}) apply. */
    @Override
    public LoadProfile scaled(double timeFactor, double rateFactor) {
        return new DiurnalProfile(
                troughRate * rateFactor, peakRate * rateFactor, times(period, timeFactor), times(duration, timeFactor));
    }

    private static Duration times(Duration d, double factor) {
        return Duration.ofNanos(Math.max(1_000_000, Math.round(d.toNanos() * factor)));
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** Runs a four-second day (100/s to 400/s and back) against SHA-256 hashing and prints each second. */
    public static void main(String[] args) {
        DiurnalProfile day = new DiurnalProfile(100, 400, Duration.ofSeconds(4), Duration.ofSeconds(4));
        LoadResult result = Load.open(day).name("diurnal-day").maxConcurrency(8).run(() -> ExampleWork.hash(4));
        System.out.print(result.summary());
        for (SecondSample s : result.series()) {
            System.out.printf(
                    Locale.ROOT,
                    "  second %d: %4d calls (profile mid-second: %3.0f/s), p99 %.3f ms%n",
                    s.second(),
                    s.completed(),
                    day.rateAt(s.second() + 0.5),
                    s.p99Nanos() / 1e6);
        }
    }
}
