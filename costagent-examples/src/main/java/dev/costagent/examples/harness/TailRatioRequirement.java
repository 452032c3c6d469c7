package dev.costagent.examples.harness;

import dev.costagent.perf.Load;
import dev.costagent.perf.requirement.Evaluation;
import dev.costagent.perf.requirement.Requirements;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.Requirement;
import dev.costagent.perf.spi.Verdict;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A custom {@link Requirement}: the 99th percentile response time is at most {@code maxRatio} times the median. An
 * absolute bound ({@code p99 <= 200ms}) breaks when the test moves to a slower machine; a ratio asks only that the
 * tail stays close to the typical call, which catches lock convoys, GC pauses and slow paths on any hardware.
 *
 * <p>A requirement turns a result into a {@link Verdict}: what was measured against what was required, and whether
 * it holds. It must not throw for a result that merely fails the rule, so the harness can list every violation.
 *
 * <pre>{@code
 * Requirements.builder().maxErrorRate(0).add(new TailRatioRequirement(5)).build().assertMetBy(result);
 *
 * @LoadTest(users = 2, iterations = 200)
 * @Requirements(custom = TailRatioRequirement.class)      // the no-argument bound of 5
 * void search() { service.search(); }
 * }</pre>
 *
 * <p>Annotations can only create it with its no-argument constructor; for another bound register an instance with
 * {@code @RegisterExtension static PerfExtension perf = new PerfExtension().withRequirement(new
 * TailRatioRequirement(3))}. Run {@link #main} to see it pass on an even workload and fail on a spiky one.
 */
public final class TailRatioRequirement implements Requirement {

    /** The bound used by the no-argument constructor. */
    public static final double DEFAULT_MAX_RATIO = 5;

    /** The name verdicts carry, as shown in failure messages. */
    public static final String NAME = "p99/p50 response-time ratio";

    private final double maxRatio;

    /** p99 at most {@value #DEFAULT_MAX_RATIO} times p50. */
    public TailRatioRequirement() {
        this(DEFAULT_MAX_RATIO);
    }

    /**
     * p99 at most {@code maxRatio} times p50.
     *
     * @throws IllegalArgumentException if maxRatio is below 1 (p99 is never below p50) or not finite
     */
    public TailRatioRequirement(double maxRatio) {
        if (!(maxRatio >= 1) || Double.isInfinite(maxRatio)) {
            throw new IllegalArgumentException("a p99/p50 ratio bound must be a finite number >= 1, got " + maxRatio);
        }
        this.maxRatio = maxRatio;
    }

    /**
     * Measures p99 / p50 of the response times. A run with no calls is not met: there is no tail to vouch for, and
     * passing it silently would hide a test that measured nothing.
     */
    @Override
    public Verdict evaluate(LoadResult result) {
        String required = "<= " + format(maxRatio);
        if (result.count() == 0) {
            return new Verdict(NAME, "no calls", required, false);
        }
        long p50 = result.responseTime(50).toNanos();
        long p99 = result.responseTime(99).toNanos();
        double ratio = p50 > 0 ? (double) p99 / p50 : (p99 > 0 ? Double.POSITIVE_INFINITY : 1);
        return new Verdict(NAME, format(ratio), required, ratio <= maxRatio);
    }

    /** The bound this instance checks. */
    public double maxRatio() {
        return maxRatio;
    }

    private static String format(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    /**
     * Checks the requirement on an even workload and on one where every 20th call does 50 times the work. Each
     * warms up first, so class loading and JIT compilation stay out of the tail; on a busy machine scheduler noise
     * alone can still push the even run past 5.
     */
    public static void main(String[] args) {
        Requirements requirements = Requirements.builder()
                .maxErrorRate(0)
                .add(new TailRatioRequirement())
                .build();

        LoadResult even = Load.closed(1)
                .iterations(300)
                .warmup(Duration.ofSeconds(1))
                .name("even")
                .run(() -> ExampleWork.hash(256));
        print(even, requirements.evaluate(even));

        AtomicLong calls = new AtomicLong();
        LoadResult spiky = Load.closed(1)
                .iterations(300)
                .warmup(Duration.ofSeconds(1))
                .name("spiky")
                .run(() -> ExampleWork.hash(calls.incrementAndGet() % 20 == 0 ? 256 * 50 : 256));
        print(spiky, requirements.evaluate(spiky));
    }

    private static void print(LoadResult result, Evaluation evaluation) {
        System.out.print(result.summary());
        System.out.println(evaluation.passed() ? "  all requirements met" : "  " + evaluation.failureMessage());
        System.out.println();
    }

    @Override
    public String toString() {
        return "TailRatioRequirement[p99/p50 <= " + format(maxRatio) + "]";
    }
}
