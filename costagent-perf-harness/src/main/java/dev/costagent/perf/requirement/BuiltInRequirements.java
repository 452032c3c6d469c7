package dev.costagent.perf.requirement;

import dev.costagent.perf.result.Format;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.Recovery;
import dev.costagent.perf.spi.Requirement;
import dev.costagent.perf.spi.Verdict;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The requirements {@link Requirements} offers by name. */
final class BuiltInRequirements {

    private BuiltInRequirements() {}

    /** A response-time percentile at or below a bound. */
    record Percentile(double percentile, Duration bound) implements Requirement {
        @Override
        public Verdict evaluate(LoadResult result) {
            Duration measured = result.responseTime(percentile);
            return new Verdict(
                    label(percentile) + " response time",
                    Format.duration(measured),
                    "<= " + Format.duration(bound),
                    measured.compareTo(bound) <= 0);
        }

        private static String label(double percentile) {
            if (percentile == 100) {
                return "max";
            }
            return percentile == Math.rint(percentile) ? "p" + (long) percentile : "p" + percentile;
        }
    }

    /** The mean response time at or below a bound. */
    record Mean(Duration bound) implements Requirement {
        @Override
        public Verdict evaluate(LoadResult result) {
            Duration measured = result.meanResponseTime();
            return new Verdict(
                    "mean response time",
                    Format.duration(measured),
                    "<= " + Format.duration(bound),
                    measured.compareTo(bound) <= 0);
        }
    }

    /** The error rate (a fraction) at or below a bound. */
    record MaxErrorRate(double bound) implements Requirement {
        @Override
        public Verdict evaluate(LoadResult result) {
            double rate = result.errorRate();
            return new Verdict(
                    "error rate",
                    percent(rate) + " (" + result.errorCount() + " of " + result.count() + ")",
                    "<= " + percent(bound),
                    rate <= bound);
        }
    }

    /** Throughput at or above a bound. */
    record MinThroughput(double perSecond) implements Requirement {
        @Override
        public Verdict evaluate(LoadResult result) {
            double measured = result.throughput();
            return new Verdict(
                    "throughput",
                    String.format(Locale.ROOT, "%.1f/s", measured),
                    String.format(Locale.ROOT, ">= %.1f/s", perSecond),
                    measured >= perSecond);
        }
    }

    /** Dropped starts at or below a bound. */
    record MaxDropped(long bound) implements Requirement {
        @Override
        public Verdict evaluate(LoadResult result) {
            return new Verdict(
                    "dropped starts",
                    Long.toString(result.droppedStarts()),
                    "<= " + bound,
                    result.droppedStarts() <= bound);
        }
    }

    /** Recovery after a spike within a bound. */
    record MaxRecovery(Duration bound, double withinPercent) implements Requirement {
        @Override
        public Verdict evaluate(LoadResult result) {
            String what = "recovery to within " + trim(withinPercent) + "% of pre-spike p95";
            Optional<Recovery> recovery = result.recovery(withinPercent);
            if (recovery.isEmpty()) {
                return new Verdict(what, "no spike phase in this load", "<= " + Format.duration(bound), false);
            }
            Recovery r = recovery.get();
            String measured = r.recovered()
                    ? Format.duration(r.time())
                    : "not recovered " + Format.duration(r.time()) + " after the spike";
            return new Verdict(
                    what,
                    measured,
                    "<= " + Format.duration(bound),
                    r.recovered() && r.time().compareTo(bound) <= 0);
        }
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
