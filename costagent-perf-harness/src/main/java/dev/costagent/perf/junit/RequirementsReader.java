package dev.costagent.perf.junit;

import dev.costagent.perf.spi.Requirement;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads {@link Requirements} from a test method, or else its class, into the programmatic
 * {@link dev.costagent.perf.requirement.Requirements}; without the annotation, no failed call is allowed.
 */
final class RequirementsReader {

    private RequirementsReader() {}

    static dev.costagent.perf.requirement.Requirements read(Method method, Class<?> testClass) {
        Optional<Requirements> annotation = AnnotationSupport.findAnnotation(method, Requirements.class)
                .or(() -> AnnotationSupport.findAnnotation(testClass, Requirements.class));
        dev.costagent.perf.requirement.Requirements.Builder builder =
                dev.costagent.perf.requirement.Requirements.builder();
        if (annotation.isEmpty()) {
            return builder.maxErrorRate(0).build();
        }
        Requirements a = annotation.get();
        duration(a.p50(), "p50").ifPresent(builder::p50);
        duration(a.p95(), "p95").ifPresent(builder::p95);
        duration(a.p99(), "p99").ifPresent(builder::p99);
        percentiles(a.percentiles(), builder);
        duration(a.max(), "max").ifPresent(builder::max);
        duration(a.mean(), "mean").ifPresent(builder::mean);
        builder.maxErrorRate(a.maxErrorRate());
        if (a.minThroughput() > 0) {
            builder.minThroughput(a.minThroughput());
        }
        if (a.maxDroppedStarts() >= 0) {
            builder.maxDroppedStarts(a.maxDroppedStarts());
        }
        duration(a.maxRecovery(), "maxRecovery").ifPresent(d -> builder.maxRecovery(d, a.recoveryWithin()));
        for (Class<? extends Requirement> type : a.custom()) {
            builder.add(Instances.create(type, "requirement"));
        }
        return builder.build();
    }

    private static void percentiles(String text, dev.costagent.perf.requirement.Requirements.Builder builder) {
        if (text.isBlank()) {
            return;
        }
        for (String pair : text.split(",")) {
            String[] parts = pair.split("=");
            double percentile;
            try {
                percentile = parts.length == 2 ? Double.parseDouble(parts[0].trim()) : Double.NaN;
            } catch (NumberFormatException e) {
                percentile = Double.NaN;
            }
            if (Double.isNaN(percentile)) {
                throw new IllegalArgumentException("@Requirements percentiles: \"" + pair.trim()
                        + "\" is not percentile=duration, such as \"99.9=50ms\"");
            }
            builder.responseTime(percentile, DurationText.parse(parts[1], "@Requirements percentiles " + percentile));
        }
    }

    private static Optional<Duration> duration(String text, String attribute) {
        return Optional.ofNullable(DurationText.parse(text, "@Requirements " + attribute));
    }
}
