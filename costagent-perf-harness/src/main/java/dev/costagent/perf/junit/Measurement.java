package dev.costagent.perf.junit;

import dev.costagent.perf.spi.Meter;
import dev.costagent.perf.spi.Metric;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The window around one perf test's measured code, shared by every harness extension: it starts the test's
 * {@link Meter}s (discovered through {@link java.util.ServiceLoader} and named by {@link WithPlugins#meters()}) and
 * opens a {@link PerfIsolation} window; {@link #end()} stops both and returns the meters' figures and any overlap
 * note for the report.
 */
public final class Measurement {

    private final List<Meter> meters;
    private final PerfIsolation.Window window;
    private Result result;

    private Measurement(List<Meter> meters, PerfIsolation.Window window) {
        this.meters = meters;
        this.window = window;
        for (Meter meter : meters) {
            meter.start();
        }
    }

    /** What a closed window yields: the meters' figures and notes for the report. */
    public record Result(List<Metric> metrics, List<String> notes) {
        /** Copies. */
        public Result {
            metrics = List.copyOf(metrics);
            notes = List.copyOf(notes);
        }

        /** Nothing measured, nothing to note. */
        public static Result none() {
            return new Result(List.of(), List.of());
        }
    }

    /**
     * Opens the window of the test running in {@code context}. When another harness extension already opened one
     * for this test (such as {@code @ResourceBudget} around a {@code @Benchmark}), this one measures nothing: the
     * outer window's meters and overlap check cover both.
     */
    public static Measurement begin(ExtensionContext context) {
        PerfIsolation.Window window = PerfIsolation.begin(context.getUniqueId());
        if (window == null) {
            return new Measurement(List.of(), null);
        }
        List<Meter> meters =
                new ArrayList<>(ReportSession.of(context).discovered().meters());
        context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, WithPlugins.class))
                .ifPresent(plugins -> add(plugins, meters));
        context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, WithPlugins.class))
                .ifPresent(plugins -> add(plugins, meters));
        return new Measurement(meters, window);
    }

    /** Closes the window (once; later calls return the same result). */
    public synchronized Result end() {
        if (result == null) {
            String overlap = window == null ? "" : window.end();
            List<Metric> metrics = new ArrayList<>();
            for (Meter meter : meters) {
                metrics.addAll(meter.stop());
            }
            result = new Result(metrics, overlap.isEmpty() ? List.of() : List.of(overlap));
        }
        return result;
    }

    private static void add(WithPlugins plugins, List<Meter> meters) {
        for (Class<? extends Meter> type : plugins.meters()) {
            meters.add(Instances.create(type, "meter"));
        }
    }
}
