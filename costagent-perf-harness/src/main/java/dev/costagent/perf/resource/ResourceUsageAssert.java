package dev.costagent.perf.resource;

import dev.costagent.perf.report.Check;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.AbstractLongAssert;
import org.assertj.core.api.Assertions;

/**
 * AssertJ assertions on a {@link ResourceUsage}.
 *
 * <pre>{@code
 * assertThat(usage).allocatedBytesPerOp(ops).isLessThan(1_024.0);
 * assertThat(usage).meets(ResourceLimits.none().maxGcTimeMillis(100), ops);
 * }</pre>
 */
public final class ResourceUsageAssert extends AbstractAssert<ResourceUsageAssert, ResourceUsage> {

    private ResourceUsageAssert(ResourceUsage actual) {
        super(actual, ResourceUsageAssert.class);
    }

    /** Starts an assertion on resource usage. */
    public static ResourceUsageAssert assertThat(ResourceUsage actual) {
        return new ResourceUsageAssert(actual);
    }

    /** Allocated bytes per operation (NaN when unmeasurable). */
    public AbstractDoubleAssert<?> allocatedBytesPerOp(long operations) {
        isNotNull();
        return Assertions.assertThat(actual.allocatedBytesPerOp(operations)).as("allocated bytes per operation");
    }

    /** Process CPU nanoseconds per operation (NaN when unmeasurable). */
    public AbstractDoubleAssert<?> cpuNanosPerOp(long operations) {
        isNotNull();
        return Assertions.assertThat(actual.cpuNanosPerOp(operations)).as("CPU ns per operation");
    }

    /** Mean process CPU, percent of all processors. */
    public AbstractDoubleAssert<?> cpuPercent() {
        isNotNull();
        return Assertions.assertThat(actual.cpuPercent())
                .as("process CPU %% of %d processors", actual.availableProcessors());
    }

    /** Total GC time in milliseconds. */
    public AbstractLongAssert<?> gcTimeMillis() {
        isNotNull();
        return Assertions.assertThat(actual.gcTimeMillis()).as("GC time (ms)");
    }

    /** Passes when every limit holds, else fails listing each exceeded one, measured against required. */
    public ResourceUsageAssert meets(ResourceLimits limits, long operations) {
        isNotNull();
        List<Check> failed =
                limits.check(actual, operations).stream().filter(c -> !c.met()).toList();
        if (!failed.isEmpty()) {
            failWithMessage(
                    "%d resource limit(s) exceeded:%n%s",
                    failed.size(),
                    failed.stream()
                            .map(c -> "  - " + c.describe())
                            .collect(Collectors.joining(System.lineSeparator())));
        }
        return this;
    }
}
