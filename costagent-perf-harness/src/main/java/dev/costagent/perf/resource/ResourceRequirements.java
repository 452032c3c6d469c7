package dev.costagent.perf.resource;

import dev.costagent.perf.report.Check;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.Requirement;
import dev.costagent.perf.spi.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Resource limits as harness requirements on a {@link LoadResult}, reading the {@link ResourceUsage} and
 * {@link WorkerUsage} that {@link ResourceListener} attached; per-operation figures are the workers' own
 * allocation and CPU time divided by {@link LoadResult#count()}.
 *
 * <pre>{@code
 * LoadResult r = Load.closed(4).iterations(10_000).listener(new ResourceListener()).run(op);
 * for (Requirement q : ResourceRequirements.of(ResourceLimits.none().maxAllocatedPerOp(512))) {
 *     assertThat(q.evaluate(r).met()).isTrue();
 * }
 * }</pre>
 */
public final class ResourceRequirements {

    private ResourceRequirements() {}

    /** One requirement per limit set in {@code limits}. */
    public static List<Requirement> of(ResourceLimits limits) {
        List<Requirement> requirements = new ArrayList<>();
        addIf(requirements, limits.maxHeapBytes() >= 0, ResourceLimits.none().maxHeap(limits.maxHeapBytes()));
        addIf(
                requirements,
                limits.maxPeakHeapBytes() >= 0,
                ResourceLimits.none().maxPeakHeap(limits.maxPeakHeapBytes()));
        addIf(
                requirements,
                limits.maxAllocatedBytesPerOp() >= 0,
                ResourceLimits.none().maxAllocatedPerOp(limits.maxAllocatedBytesPerOp()));
        addIf(
                requirements,
                limits.maxCpuNanosPerOp() >= 0,
                ResourceLimits.none().maxCpuPerOp(limits.maxCpuNanosPerOp()));
        addIf(requirements, limits.maxCpuPercent() >= 0, ResourceLimits.none().maxCpuPercent(limits.maxCpuPercent()));
        addIf(
                requirements,
                limits.maxGcTimeMillis() >= 0,
                ResourceLimits.none().maxGcTimeMillis(limits.maxGcTimeMillis()));
        return requirements;
    }

    /** The check as the harness's verdict type (the note, if any, joins the measured value). */
    public static Verdict toVerdict(Check check) {
        return new Verdict(
                check.requirement(),
                check.measured() + (check.note().isEmpty() ? "" : " (" + check.note() + ")"),
                check.required(),
                check.met());
    }

    private static void addIf(List<Requirement> requirements, boolean set, ResourceLimits single) {
        if (set) {
            requirements.add(result -> result.attachment(ResourceListener.ATTACHMENT, ResourceUsage.class)
                    .map(usage -> toVerdict(single.check(
                                    usage,
                                    result.attachment(ResourceListener.WORKER_ATTACHMENT, WorkerUsage.class)
                                            .orElse(null),
                                    result.count())
                            .get(0)))
                    .orElseGet(() ->
                            new Verdict(describe(single), "not sampled", "a ResourceListener on the run", false)));
        }
    }

    private static String describe(ResourceLimits single) {
        return single.check(new ResourceUsage(List.of(), 1, 0, 0, 0, 0, 0, -1, 0, 1), 1)
                .get(0)
                .requirement();
    }
}
