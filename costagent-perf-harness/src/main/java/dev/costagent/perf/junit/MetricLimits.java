package dev.costagent.perf.junit;

import dev.costagent.perf.report.Check;
import dev.costagent.perf.spi.Metric;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Checks the {@link MetricLimit}s of a test (on its method, then its class) against its metrics. */
public final class MetricLimits {

    private MetricLimits() {}

    /** One check per limit declared on the test method or its class. */
    public static List<Check> check(ExtensionContext context, List<Metric> metrics) {
        List<MetricLimit> limits = new ArrayList<>();
        context.getTestMethod().ifPresent(m -> limits.addAll(declared(m)));
        context.getTestClass().ifPresent(c -> limits.addAll(declared(c)));
        return check(limits, metrics);
    }

    /** One check per limit. */
    public static List<Check> check(List<MetricLimit> limits, List<Metric> metrics) {
        List<Check> checks = new ArrayList<>();
        for (MetricLimit limit : limits) {
            Optional<Metric> found =
                    metrics.stream().filter(m -> m.key().equals(limit.metric())).findFirst();
            String required = (Double.isNaN(limit.min()) ? "" : ">= " + number(limit.min()))
                    + (Double.isNaN(limit.min()) || Double.isNaN(limit.max()) ? "" : " and ")
                    + (Double.isNaN(limit.max()) ? "" : "<= " + number(limit.max()));
            if (found.isEmpty() || Double.isNaN(found.get().value())) {
                checks.add(new Check(
                        limit.metric(),
                        "n/a",
                        required,
                        false,
                        "no such metric; this test has: "
                                + metrics.stream().map(Metric::key).collect(Collectors.joining(", "))));
                continue;
            }
            double value = found.get().value();
            boolean met = (Double.isNaN(limit.min()) || value >= limit.min())
                    && (Double.isNaN(limit.max()) || value <= limit.max());
            checks.add(new Check(limit.metric(), number(value), required, met, ""));
        }
        return checks;
    }

    private static List<MetricLimit> declared(AnnotatedElement element) {
        return AnnotationSupport.findRepeatableAnnotations(element, MetricLimit.class);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%.4g", value);
    }
}
