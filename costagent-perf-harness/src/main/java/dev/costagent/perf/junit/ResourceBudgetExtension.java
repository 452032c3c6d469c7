package dev.costagent.perf.junit;

import dev.costagent.perf.report.TestReport;
import dev.costagent.perf.resource.LiveHeap;
import dev.costagent.perf.resource.OperationCount;
import dev.costagent.perf.resource.ResourceLimits;
import dev.costagent.perf.resource.ResourceListener;
import dev.costagent.perf.resource.ResourceSampler;
import dev.costagent.perf.resource.ResourceUsage;
import dev.costagent.perf.resource.RetainedHeap;
import dev.costagent.perf.resource.Units;
import dev.costagent.perf.resource.WorkerUsage;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.PerfReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Applies {@link ResourceBudget @ResourceBudget}: starts a {@link ResourceSampler} right before the test method
 * (after {@code @BeforeEach}) and stops it right after, so the whole measurement of any performance extension is
 * inside; then reports the usage and fails listing every exceeded limit. Resolves {@link ResourceUsage}
 * parameters of {@code @AfterEach} methods.
 */
public final class ResourceBudgetExtension
        implements BeforeTestExecutionCallback, AfterTestExecutionCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ResourceBudgetExtension.class);

    /** Creates the extension (registered by the annotation). */
    public ResourceBudgetExtension() {}

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        ResourceBudget budget = budget(context);
        // One order for every setting: system property, junit-platform.properties, then the annotation.
        long interval = context.getConfigurationParameter("perf.resourceIntervalMillis")
                .map(ms -> Long.parseLong(ms.trim()) * 1_000_000)
                .orElseGet(() -> Units.parseNanos(budget.interval()));
        // Collects earlier tests' garbage before the window opens, and is the "before" of the retained heap.
        context.getStore(NAMESPACE).put(LiveHeap.Reading.class, RetainedHeap.open());
        context.getStore(NAMESPACE).put(Measurement.class, Measurement.begin(context));
        context.getStore(NAMESPACE)
                .put(ResourceSampler.class, ResourceSampler.start(Duration.ofNanos(Math.max(1_000_000, interval))));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        ResourceSampler sampler = context.getStore(NAMESPACE).remove(ResourceSampler.class, ResourceSampler.class);
        if (sampler == null) {
            return;
        }
        ResourceUsage usage = sampler.stop();
        Measurement measurement = context.getStore(NAMESPACE).remove(Measurement.class, Measurement.class);
        Measurement.Result measured = measurement == null ? Measurement.Result.none() : measurement.end();
        RetainedHeap retained =
                RetainedHeap.close(context.getStore(NAMESPACE).remove(LiveHeap.Reading.class, LiveHeap.Reading.class));
        context.getStore(NAMESPACE).put(ResourceUsage.class, usage);
        context.getStore(NAMESPACE).put(RetainedHeap.class, retained);
        Optional<LoadResult> load = PerfExtension.result(context);
        long operations = load.map(LoadResult::count)
                .orElseGet(() -> OperationCount.measured(context) > 0
                        ? OperationCount.measured(context)
                        : OperationCount.of(context));
        WorkerUsage workers = load.flatMap(r -> r.attachment(ResourceListener.WORKER_ATTACHMENT, WorkerUsage.class))
                .orElseGet(() -> OperationCount.measuredUsage(context));
        ResourceLimits limits = limits(budget(context));
        TestReport.Builder report = TestReport.builder(
                        context.getUniqueId() + "/resources", PerfSettings.testName(context), "resources")
                .figure("operations", String.format(Locale.ROOT, "%,d", operations))
                .figure("usage", usage.summary(operations))
                .figure("retained heap", retained.describe())
                .checks(limits.check(usage, workers, operations, retained));
        if (workers != null) {
            report.figure(
                    "load workers",
                    String.format(
                            Locale.ROOT,
                            "%d workers: %s/op allocated, %s/op CPU",
                            workers.workers(),
                            Units.bytes(workers.allocatedBytesPerOp(operations)),
                            Units.nanos(workers.cpuNanosPerOp(operations))));
        }
        if (context.getExecutionException().isPresent()) {
            report.note(
                    "the test itself failed: " + context.getExecutionException().get());
        }
        usage.charts().forEach(report::chart);
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("perf.resources.operations", Long.toString(operations));
        entries.put("perf.resources.heapPeak", Long.toString(usage.peakHeapUsed()));
        entries.put(
                "perf.resources.retainedBytes", retained.confirmed() ? Long.toString(retained.retainedBytes()) : "n/a");
        entries.put(
                "perf.resources.allocatedPerOp",
                String.format(
                        Locale.ROOT,
                        "%.1f",
                        workers != null && workers.allocatedBytes() >= 0
                                ? workers.allocatedBytesPerOp(operations)
                                : usage.allocatedBytesPerOp(operations)));
        entries.put(
                "perf.resources.cpuNanosPerOp", String.format(Locale.ROOT, "%.1f", usage.cpuNanosPerOp(operations)));
        entries.put("perf.resources.cpuPercent", String.format(Locale.ROOT, "%.2f", usage.cpuPercent()));
        entries.put("perf.resources.gcMillis", Long.toString(usage.gcTimeMillis()));
        report.metric("retained_heap", "bytes", retained.confirmed() ? retained.retainedBytes() : Double.NaN)
                .metric("retained_heap_error", "bytes", retained.confirmed() ? retained.errorBytes() : Double.NaN)
                .metric("live_heap_before", "bytes", retained.before().bytes())
                .metric("live_heap_after", "bytes", retained.after().bytes())
                .metric("peak_heap_used", "bytes", usage.peakHeapUsed())
                .metric("operations", "count", operations)
                .metric(
                        "allocated_per_op",
                        "bytes",
                        workers != null && workers.allocatedBytes() >= 0
                                ? workers.allocatedBytesPerOp(operations)
                                : usage.allocatedBytesPerOp(operations))
                .metric(
                        "cpu_per_op",
                        "ns",
                        workers != null && workers.cpuNanos() >= 0
                                ? workers.cpuNanosPerOp(operations)
                                : usage.cpuNanosPerOp(operations))
                .metric("cpu", "percent", usage.cpuPercent())
                .metric("gc_time", "ms", usage.gcTimeMillis())
                .metric("gc", "count", usage.gcCount());
        JUnitReporting.complete(context, report, entries, PerfReport.Kind.RESOURCES, usage, measured);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == ResourceUsage.class || type == RetainedHeap.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return JUnitReporting.stored(extensionContext, NAMESPACE, type, parameterContext, ResourceBudget.class);
    }

    /** The limits an annotation sets. */
    static ResourceLimits limits(ResourceBudget budget) {
        ResourceLimits limits = ResourceLimits.none();
        String retained = budget.maxRetainedHeap().isBlank() ? budget.maxHeap() : budget.maxRetainedHeap();
        if (!retained.isBlank()) {
            limits = limits.maxHeap(Units.parseBytes(retained));
        }
        if (!budget.maxPeakHeap().isBlank()) {
            limits = limits.maxPeakHeap(Units.parseBytes(budget.maxPeakHeap()));
        }
        if (!budget.maxAllocatedPerOp().isBlank()) {
            limits = limits.maxAllocatedPerOp(Units.parseBytes(budget.maxAllocatedPerOp()));
        }
        if (!budget.maxCpuPerOp().isBlank()) {
            limits = limits.maxCpuPerOp(Units.parseNanos(budget.maxCpuPerOp()));
        }
        if (budget.maxCpuPercent() >= 0) {
            limits = limits.maxCpuPercent(budget.maxCpuPercent());
        }
        if (!budget.maxGcTime().isBlank()) {
            limits = limits.maxGcTimeMillis(Units.parseNanos(budget.maxGcTime()) / 1_000_000);
        }
        return limits;
    }

    private static ResourceBudget budget(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), ResourceBudget.class)
                .orElseThrow(() -> new IllegalStateException("no @ResourceBudget on " + context.getDisplayName()));
    }
}
