package dev.costagent.perf.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ResourceSamplerTest {

    /** Keeps allocations reachable so escape analysis cannot remove them. */
    private static volatile Object sink;

    @Test
    void allocatedBytesPerOperationMatchTheAllocations() {
        ResourceSampler sampler = ResourceSampler.start(Duration.ofMillis(20));
        assumeThat(sampler.allocationMeasurable())
                .as("JVM without allocation counters")
                .isTrue();
        int operations = 20_000;
        for (int i = 0; i < operations; i++) {
            sink = new byte[1_024];
        }
        ResourceUsage usage = sampler.stop();
        // 1,024 bytes of payload plus an array header; other threads add a little noise.
        assertThat(usage.allocatedBytesPerOp(operations)).isBetween(1_024.0, 1_400.0);
        assertThat(usage.allocatedBytes()).isGreaterThan(20_000L * 1_024);
    }

    @Test
    void allocationsOfThreadsThatEndedAreKept() throws Exception {
        ResourceSampler sampler = ResourceSampler.start(Duration.ofSeconds(10));
        assumeThat(sampler.allocationMeasurable()).isTrue();
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            for (int i = 0; i < 8_192; i++) {
                sink = new byte[1_024];
            }
            allocated.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        allocated.await();
        sampler.sampleNow(); // the sampler sees the worker alive with its 8 MiB
        release.countDown();
        worker.join();
        ResourceUsage usage = sampler.stop();
        assertThat(usage.allocatedBytes()).isGreaterThanOrEqualTo(8_192L * 1_024);
    }

    @Test
    void cpuTimeAndPercentShowBusyWorkAgainstIdle() throws Exception {
        ResourceUsage idle = ResourceSampler.measureIdle(Duration.ofMillis(200));
        ResourceSampler sampler = ResourceSampler.start(Duration.ofMillis(20));
        long spun = spinCpu(Duration.ofMillis(200));
        ResourceUsage busy = sampler.stop();
        assumeThat(busy.cpuNanos()).as("process CPU time unsupported").isNotNegative();
        assertThat(busy.cpuNanos()).isGreaterThanOrEqualTo(spun * 9 / 10);
        // CPU time, not CPU %, is compared: on a shared machine the busy phase may stretch over seconds of wall time.
        assertThat(busy.cpuNanos()).isGreaterThan(idle.cpuNanos());
        assertThat(idle.cpuPercent()).isNotNaN().isGreaterThanOrEqualTo(0);
        assertThat(busy.cpuPercent())
                .isCloseTo(
                        100.0 * busy.cpuNanos() / busy.durationNanos() / busy.availableProcessors(),
                        org.assertj.core.api.Assertions.within(1e-9));
        assertThat(busy.cpuNanosPerOp(10)).isEqualTo(busy.cpuNanos() / 10.0);
        assertThat(busy.samples().get(0).cpuPercent())
                .as("first sample has no interval")
                .isNaN();
        assertThat(busy.samples()).hasSizeGreaterThan(2);
        assertThat(busy.samples().get(busy.samples().size() - 1).cpuPercent()).isNotNaN();
        assertThat(busy.peakCpuPercent()).isGreaterThanOrEqualTo(busy.cpuPercent() * 0.99);
    }

    @Test
    void gcCountTimeHeapAfterGcAndThreadsAreSampled() {
        ResourceSampler sampler = ResourceSampler.start(Duration.ofMillis(10));
        sink = new byte[4 << 20];
        sink = null;
        System.gc();
        ResourceUsage usage = sampler.stop();
        assertThat(usage.gcCount()).isPositive();
        assertThat(usage.peakHeapAfterGc()).isNotNegative();
        assertThat(usage.peakHeapUsed()).isPositive();
        assertThat(usage.peakThreads()).isGreaterThanOrEqualTo(2); // this thread and the sampler at least
        assertThat(usage.charts()).hasSize(4);
        assertThat(usage.summary(1)).contains("heap peak").contains("GC ");
    }

    @Test
    void longRunsAreThinnedEvenlySoMemoryStaysBounded() {
        ResourceSampler sampler = ResourceSampler.start(Duration.ofMillis(1), 16);
        for (int i = 0; i < 40; i++) {
            sampler.sampleNow();
        }
        assertThat(sampler.interval()).isGreaterThanOrEqualTo(Duration.ofMillis(4)); // thinned at least twice
        ResourceUsage usage = sampler.stop();
        assertThat(usage.samples()).hasSizeLessThanOrEqualTo(16);
        assertThat(usage.samples().get(0).offsetNanos()).isLessThan(1_000_000L); // the start sample is always kept
        for (int i = 1; i < usage.samples().size(); i++) {
            assertThat(usage.samples().get(i).offsetNanos())
                    .isGreaterThanOrEqualTo(usage.samples().get(i - 1).offsetNanos());
        }
    }

    /** Spins until this thread has used {@code cpu} of CPU time (not wall time: robust on a loaded machine). */
    private static long spinCpu(Duration cpu) {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() - start < cpu.toNanos()) {
            for (int i = 0; i < 10_000; i++) {
                x += i ^ (x >>> 3);
            }
        }
        sink = x;
        return threads.getCurrentThreadCpuTime() - start;
    }
}
