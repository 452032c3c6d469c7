package dev.costagent.perf.resource;

import dev.costagent.perf.report.JUnitReporting;
import dev.costagent.perf.report.PerfSettings;
import dev.costagent.perf.report.TestReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Applies {@link ResourceBudget @ResourceBudget}: starts a {@link ResourceSampler} right before the test method
 * (after {@code @BeforeEach}) and stops it right after, so the whole measurement of any performance extension is
 * inside; then reports the usage and fails listing every exceeded limit. Resolves {@link ResourceUsage}
 * parameters of {@code @AfterEach} methods.
 */
public final class ResourceBudgetExtension implements BeforeTestExecutionCallback, AfterTestExecutionCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ResourceBudgetExtension.class);

    /** Creates the extension (registered by the annotation). */
    public ResourceBudgetExtension() {
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        ResourceBudget budget = budget(context);
        ResourceListener.clearLastRunOperations();
        long interval = Units.parseNanos(budget.interval());
        context.getStore(NAMESPACE).put(ResourceSampler.class,
                ResourceSampler.start(Duration.ofNanos(Math.max(1_000_000, interval))));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        ResourceSampler sampler = context.getStore(NAMESPACE).remove(ResourceSampler.class, ResourceSampler.class);
        if (sampler == null) {
            return;
        }
        ResourceUsage usage = sampler.stop();
        context.getStore(NAMESPACE).put(ResourceUsage.class, usage);
        long operations = operations(context);
        ResourceLimits limits = limits(budget(context));
        TestReport.Builder report = TestReport.builder(context.getUniqueId() + "/resources",
                PerfSettings.testName(context), "resources")
                .figure("operations", String.format(Locale.ROOT, "%,d", operations))
                .figure("usage", usage.summary(operations))
                .checks(limits.check(usage, operations));
        if (context.getExecutionException().isPresent()) {
            report.note("the test itself failed: " + context.getExecutionException().get());
        }
        usage.charts().forEach(report::chart);
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("perf.resources.operations", Long.toString(operations));
        entries.put("perf.resources.heapPeak", Long.toString(usage.peakHeapUsed()));
        entries.put("perf.resources.allocatedPerOp", String.format(Locale.ROOT, "%.1f",
                usage.allocatedBytesPerOp(operations)));
        entries.put("perf.resources.cpuNanosPerOp", String.format(Locale.ROOT, "%.1f", usage.cpuNanosPerOp(operations)));
        entries.put("perf.resources.cpuPercent", String.format(Locale.ROOT, "%.2f", usage.cpuPercent()));
        entries.put("perf.resources.gcMillis", Long.toString(usage.gcTimeMillis()));
        JUnitReporting.complete(context, report.build(), entries);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == ResourceUsage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ResourceUsage usage = extensionContext.getStore(NAMESPACE).get(ResourceUsage.class, ResourceUsage.class);
        if (usage == null) {
            throw new ParameterResolutionException("no ResourceUsage for " + parameterContext.getDeclaringExecutable()
                    + ": it can be injected into an @AfterEach method of a @ResourceBudget test that ran");
        }
        return usage;
    }

    /** The limits an annotation sets. */
    static ResourceLimits limits(ResourceBudget budget) {
        ResourceLimits limits = ResourceLimits.none();
        if (!budget.maxHeap().isBlank()) {
            limits = limits.maxHeap(Units.parseBytes(budget.maxHeap()));
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

    private static long operations(ExtensionContext context) {
        long recorded = OperationCount.of(context);
        long loadRun = ResourceListener.lastRunOperations();
        return recorded > 1 || loadRun <= 0 ? recorded : loadRun;
    }

    private static ResourceBudget budget(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), ResourceBudget.class)
                .orElseThrow(() -> new IllegalStateException("no @ResourceBudget on " + context.getDisplayName()));
    }
}
