package dev.costagent.examples.harness;

import dev.costagent.perf.Load;
import dev.costagent.perf.requirement.Requirements;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.SecondSample;
import dev.costagent.perf.spi.Requirement;
import dev.costagent.perf.spi.Verdict;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A custom {@link Requirement} over the per-second series: no single second may have more than a given fraction of
 * its calls failing. The built-in {@code maxErrorRate} averages over the whole run, so half a second of total outage
 * in a long test can pass it; this rule looks at each second on its own.
 *
 * <pre>{@code
 * Requirements.builder().maxErrorRate(0.01).add(new ErrorBurstRequirement(0.05)).build().assertMetBy(result);
 *
 * @OpenLoad(rate = 100, duration = "30s")
 * @Requirements(maxErrorRate = 0.01, custom = ErrorBurstRequirement.class)   // the no-argument bound of 5 %
 * void pay() { client.pay(order); }
 * }</pre>
 *
 * <p>Run {@link #main} for a run whose overall error rate passes a 30 % bound while one second is half failures.
 */
public final class ErrorBurstRequirement implements Requirement {

    /** The bound used by the no-argument constructor: 5 % of a second's calls. */
    public static final double DEFAULT_MAX_FRACTION = 0.05;

    /** The name verdicts carry, as shown in failure messages. */
    public static final String NAME = "worst one-second error rate";

    private final double maxFraction;

    /** At most {@value #DEFAULT_MAX_FRACTION} of any second's calls fail. */
    public ErrorBurstRequirement() {
        this(DEFAULT_MAX_FRACTION);
    }

    /**
     * At most {@code maxFraction} of any second's calls fail.
     *
     * @throws IllegalArgumentException if maxFraction is not between 0 and 1
     */
    public ErrorBurstRequirement(double maxFraction) {
        if (!(maxFraction >= 0 && maxFraction <= 1)) {
            throw new IllegalArgumentException(
                    "a per-second error fraction must be between 0 and 1, got " + maxFraction);
        }
        this.maxFraction = maxFraction;
    }

    /** The bound this instance checks, as a fraction. */
    public double maxFraction() {
        return maxFraction;
    }

    /**
     * Finds the second with the highest fraction of failed calls. A run with no calls is not met: a rule about
     * failures should not pass a test that made no calls at all.
     */
    @Override
    public Verdict evaluate(LoadResult result) {
        String required = "<= " + percent(maxFraction) + " in every second";
        SecondSample worst = null;
        for (SecondSample s : result.series()) {
            if (s.completed() > 0 && (worst == null || fraction(s) > fraction(worst))) {
                worst = s;
            }
        }
        if (worst == null) {
            return new Verdict(NAME, "no calls", required, false);
        }
        String measured = String.format(
                Locale.ROOT,
                "%s in second %d (%d of %d)",
                percent(fraction(worst)),
                worst.second(),
                worst.errors(),
                worst.completed());
        return new Verdict(NAME, measured, required, fraction(worst) <= maxFraction);
    }

    @Override
    public String toString() {
        return "ErrorBurstRequirement[<= " + percent(maxFraction) + " per second]";
    }

    private static double fraction(SecondSample s) {
        return (double) s.errors() / s.completed();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    /**
     * Runs 400 calls a second for two seconds, where calls 400 to 599 (from 1.0 s to 1.5 s) fail: 25 % overall, about
     * half of second 1.
     */
    public static void main(String[] args) {
        AtomicLong calls = new AtomicLong();
        LoadResult result = Load.open(400)
                .duration(Duration.ofSeconds(2))
                .name("half-second outage")
                .run(() -> {
                    long call = calls.getAndIncrement();
                    if (call >= 400 && call < 600) {
                        throw new IllegalStateException("backend unavailable");
                    }
                    ExampleWork.hash(2);
                });
        System.out.print(result.summary());
        Requirements.builder()
                .maxErrorRate(0.30)
                .add(new ErrorBurstRequirement())
                .build()
                .evaluate(result)
                .verdicts()
                .forEach(v -> System.out.println((v.met() ? "  ok   " : "  FAIL ") + v.describe()));
    }
}
