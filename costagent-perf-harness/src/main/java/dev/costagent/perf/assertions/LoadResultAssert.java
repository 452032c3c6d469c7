package dev.costagent.perf.assertions;

import dev.costagent.perf.requirement.Evaluation;
import dev.costagent.perf.requirement.Requirements;
import dev.costagent.perf.result.Format;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.Recovery;
import java.time.Duration;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.AbstractDurationAssert;
import org.assertj.core.api.AbstractLongAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on a {@link LoadResult}. Methods named after a measure ({@link #responseTime}, {@link #throughput}...)
 * switch to AssertJ's assertion on that value, described so failures say what was measured.
 */
public final class LoadResultAssert extends AbstractAssert<LoadResultAssert, LoadResult> {

    LoadResultAssert(LoadResult actual) {
        super(actual, LoadResultAssert.class);
    }

    /** The response time (from the intended start) at a percentile. */
    public AbstractDurationAssert<?> responseTime(double percentile) {
        isNotNull();
        return Assertions.assertThat(actual.responseTime(percentile))
                .as("p%s response time of '%s'", trim(percentile), actual.name());
    }

    /** The service time (from the actual start) at a percentile. */
    public AbstractDurationAssert<?> serviceTime(double percentile) {
        isNotNull();
        return Assertions.assertThat(actual.serviceTime(percentile))
                .as("p%s service time of '%s'", trim(percentile), actual.name());
    }

    /** The mean response time. */
    public AbstractDurationAssert<?> meanResponseTime() {
        isNotNull();
        return Assertions.assertThat(actual.meanResponseTime()).as("mean response time of '%s'", actual.name());
    }

    /** The slowest response time. */
    public AbstractDurationAssert<?> maxResponseTime() {
        isNotNull();
        return Assertions.assertThat(actual.maxResponseTime()).as("max response time of '%s'", actual.name());
    }

    /** Completed operations. */
    public AbstractLongAssert<?> count() {
        isNotNull();
        return Assertions.assertThat(actual.count()).as("operations completed by '%s'", actual.name());
    }

    /** Failed operations. */
    public AbstractLongAssert<?> errorCount() {
        isNotNull();
        return Assertions.assertThat(actual.errorCount()).as("failed operations of '%s'", actual.name());
    }

    /** Error rate, a fraction from 0 to 1. */
    public AbstractDoubleAssert<?> errorRate() {
        isNotNull();
        return Assertions.assertThat(actual.errorRate()).as("error rate of '%s'", actual.name());
    }

    /** Dropped starts. */
    public AbstractLongAssert<?> droppedStarts() {
        isNotNull();
        return Assertions.assertThat(actual.droppedStarts()).as("dropped starts of '%s'", actual.name());
    }

    /** Completed operations per second. */
    public AbstractDoubleAssert<?> throughput() {
        isNotNull();
        return Assertions.assertThat(actual.throughput()).as("throughput (per second) of '%s'", actual.name());
    }

    /** No operation failed. */
    public LoadResultAssert hasNoErrors() {
        isNotNull();
        if (actual.errorCount() != 0) {
            failWithMessage(
                    "Expected no failed operations in '%s' but %d failed: %s",
                    actual.name(), actual.errorCount(), actual.errors().countsByType());
        }
        return this;
    }

    /** No start was dropped. */
    public LoadResultAssert hasNoDroppedStarts() {
        isNotNull();
        if (actual.droppedStarts() != 0) {
            failWithMessage(
                    "Expected no dropped starts in '%s' but %d were dropped", actual.name(), actual.droppedStarts());
        }
        return this;
    }

    /** Exactly this many operations completed. */
    public LoadResultAssert hasCount(long expected) {
        isNotNull();
        if (actual.count() != expected) {
            failWithMessage(
                    "Expected '%s' to complete %d operations but it completed %d",
                    actual.name(), expected, actual.count());
        }
        return this;
    }

    /** Every requirement holds; the failure lists every violation. */
    public LoadResultAssert meets(Requirements requirements) {
        isNotNull();
        Evaluation evaluation = requirements.evaluate(actual);
        if (!evaluation.passed()) {
            failWithMessage("%s", evaluation.failureMessage());
        }
        return this;
    }

    /** After the spike, the per-second p95 came back within {@code withinPercent} of the pre-spike p95 in time. */
    public LoadResultAssert recoveredWithin(Duration bound, double withinPercent) {
        isNotNull();
        Recovery recovery = actual.recovery(withinPercent).orElse(null);
        if (recovery == null) {
            failWithMessage("Expected '%s' to follow a profile with a spike phase", actual.name());
        } else if (!recovery.recovered() || recovery.time().compareTo(bound) > 0) {
            failWithMessage(
                    "Expected '%s' to recover within %s but it %s",
                    actual.name(),
                    Format.duration(bound),
                    recovery.recovered()
                            ? "took " + Format.duration(recovery.time())
                            : "had not recovered " + Format.duration(recovery.time()) + " after the spike");
        }
        return this;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
