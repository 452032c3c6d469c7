package dev.costagent.perf.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.perf.Load;
import dev.costagent.perf.ThreadMode;
import dev.costagent.perf.report.Check;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.Requirement;
import dev.costagent.perf.spi.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceLimitsTest {

    private static volatile Object sink;

    // 2 s, 10 MiB allocated, 1 s CPU on 2 processors (25%), 3 GCs in 40 ms, live heap 30 MiB.
    private static final ResourceUsage USAGE =
            new ResourceUsage(List.of(), 2_000_000_000L, 10L << 20, 1_000_000_000L, 3, 40, 64L << 20, 30L << 20, 12, 2);

    @Test
    void everyLimitIsCheckedAgainstItsFigure() {
        RetainedHeap retained = new RetainedHeap(
                new LiveHeap.Reading(10L << 20, 2, 1_000, true), new LiveHeap.Reading(40L << 20, 2, 2_000, true));
        List<Check> checks = ResourceLimits.none()
                .maxHeap(Units.parseBytes("32MB"))
                .maxAllocatedPerOp(1_000)
                .maxCpuPerOp(Units.parseNanos("50us"))
                .maxCpuPercent(20)
                .maxGcTimeMillis(100)
                .maxPeakHeap(Units.parseBytes("60MB"))
                .check(USAGE, null, 10_240, retained);
        assertThat(checks)
                .extracting(Check::requirement)
                .containsExactly(
                        "retained heap",
                        "peak heap used",
                        "allocated per operation",
                        "CPU time per operation",
                        "process CPU",
                        "GC time");
        assertThat(checks.get(0).met()).isTrue(); // 30 MiB retained <= 32 MiB
        assertThat(checks.get(0).measured()).isEqualTo("30.0 MiB");
        assertThat(checks.get(0).note()).contains("2+2 confirmed GCs").contains("error ±2.9 KiB");
        assertThat(checks.remove(1).met()).isFalse(); // 64 MiB peak > 60 MiB
        assertThat(checks.get(1).met()).isFalse(); // 1,024 B/op > 1,000 B
        assertThat(checks.get(1).describe()).contains("measured 1.0 KiB").contains("required <= 1000 B");
        assertThat(checks.get(2).met()).isFalse(); // 97.7 us/op > 50 us
        assertThat(checks.get(3).measured()).isEqualTo("25.0%");
        assertThat(checks.get(3).met()).isFalse();
        assertThat(checks.get(4).met()).isTrue();
        assertThat(ResourceLimits.none().any()).isFalse();
        assertThat(ResourceLimits.none().check(USAGE, 1)).isEmpty();
    }

    @Test
    void unmeasurableFiguresFailRatherThanPass() {
        ResourceUsage blind = new ResourceUsage(List.of(), 1_000, -1, -1, 0, 0, 1, -1, 1, 2);
        List<Check> checks =
                ResourceLimits.none().maxAllocatedPerOp(1e12).maxCpuPerOp(1e12).check(blind, 5);
        assertThat(checks).noneMatch(Check::met);
        assertThat(checks.get(0).note()).contains("not measurable");
        assertThat(checks.get(0).measured()).isEqualTo("n/a");
    }

    @Test
    void unitsParseAndRejectWithExamples() {
        assertThat(Units.parseBytes("512")).isEqualTo(512);
        assertThat(Units.parseBytes("64KB")).isEqualTo(65_536);
        assertThat(Units.parseBytes("1.5 MiB")).isEqualTo(1_572_864);
        assertThat(Units.parseBytes("2gb")).isEqualTo(2L << 30);
        assertThat(Units.parseNanos("20us")).isEqualTo(20_000);
        assertThat(Units.parseNanos("150ms")).isEqualTo(150_000_000);
        assertThat(Units.parseNanos("2s")).isEqualTo(2_000_000_000);
        assertThat(Units.parseNanos("1m")).isEqualTo(60_000_000_000L);
        assertThatThrownBy(() -> Units.parseBytes("lots")).hasMessageContaining("not a size: 'lots'");
        assertThatThrownBy(() -> Units.parseNanos("5 weeks")).hasMessageContaining("not a duration");
    }

    @Test
    void loadRunsAttachUsageAndResourceRequirementsEvaluateIt() {
        // Sampling every 10 ms over a 300 ms run: on Java 17, where the allocation of worker threads that ended
        // is only known up to their last sample, at most the last interval's allocation is missed.
        // Platform threads: virtual threads (the default on Java 21+) have no per-thread allocation counters.
        LoadResult result = Load.closed(2)
                .duration(java.time.Duration.ofMillis(300))
                .threads(ThreadMode.PLATFORM)
                .listener(new ResourceListener(java.time.Duration.ofMillis(10)))
                .run(() -> sink = new byte[256]);
        assertThat(result.attachment(ResourceListener.ATTACHMENT, ResourceUsage.class))
                .isPresent();
        List<Requirement> requirements = ResourceRequirements.of(ResourceLimits.none()
                .maxAllocatedPerOp(100_000)
                .maxAllocatedPerOp(16)
                .maxGcTimeMillis(60_000));
        assertThat(ResourceRequirements.of(ResourceLimits.none().maxHeap(1))
                        .get(0)
                        .evaluate(result)
                        .met())
                .as("a retained-heap limit without live-heap readings fails as unmeasured")
                .isFalse();
        assertThat(requirements).hasSize(2);
        Verdict allocation = requirements.get(0).evaluate(result);
        assertThat(allocation.requirement()).isEqualTo("allocated per operation");
        assertThat(allocation.met()).as(allocation.describe()).isFalse(); // 256-byte arrays exceed 16 B/op
        assertThat(requirements.get(1).evaluate(result).met()).isTrue();
        WorkerUsage workers = result.attachment(ResourceListener.WORKER_ATTACHMENT, WorkerUsage.class)
                .orElseThrow();
        assertThat(workers.workers()).isEqualTo(2);
        // 256-byte arrays (plus header) per call on the workers' own counters, plus one-time allocations (first
        // calls through method handles) shared over however many calls a loaded machine fits into 300 ms.
        assertThat(workers.allocatedBytesPerOp(result.count())).isBetween(256.0, 1_024.0);
        assertThat(allocation.measured()).contains("worker threads");
    }

    @Test
    void virtualThreadWorkersFallBackToWholeJvmFigures() {
        LoadResult result = Load.closed(2)
                .iterations(2_000)
                .listener(new ResourceListener(java.time.Duration.ofMillis(10)))
                .run(() -> sink = new byte[256]);
        Verdict allocation = ResourceRequirements.of(ResourceLimits.none().maxAllocatedPerOp(1e9))
                .get(0)
                .evaluate(result);
        if (result.virtualThreads()) {
            assertThat(result.attachment(ResourceListener.WORKER_ATTACHMENT, WorkerUsage.class)
                            .orElseThrow()
                            .allocatedBytes())
                    .isEqualTo(-1);
            assertThat(allocation.measured()).contains("all threads");
        } else {
            assertThat(allocation.measured()).contains("worker threads");
        }
        assertThat(allocation.met()).isTrue();
    }

    @Test
    void aRunWithoutTheListenerFailsResourceRequirementsClearly() {
        LoadResult result = Load.closed(1).iterations(10).run(() -> {});
        Verdict verdict = ResourceRequirements.of(ResourceLimits.none().maxGcTimeMillis(10))
                .get(0)
                .evaluate(result);
        assertThat(verdict.met()).isFalse();
        assertThat(verdict.measured()).isEqualTo("not sampled");
    }
}
