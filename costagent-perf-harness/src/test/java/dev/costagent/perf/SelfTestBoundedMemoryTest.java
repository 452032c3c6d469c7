package dev.costagent.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.result.LoadResult;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Self-test (e): fifty million samples leave the heap within a fixed bound. Keeping the samples would need 400 MB
 * (eight bytes each); the result must stay a few megabytes whatever the sample count.
 */
class SelfTestBoundedMemoryTest {

    private static final long BOUND_BYTES = 16L * 1024 * 1024;

    @Test
    void fiftyMillionSamplesFitInAFixedHeapBound() {
        Load.closed(2).iterations(100_000).threads(ThreadMode.PLATFORM).run(() -> {}); // load the classes first
        long before = usedHeapAfterGc();

        LoadResult result = Load.closed(2)
                .iterations(25_000_000)
                .threads(ThreadMode.PLATFORM)
                .run(() -> {});
        long after = usedHeapAfterGc();

        assertThat(result.count()).isEqualTo(50_000_000L);
        assertThat(after - before).as("heap retained by a 50M-sample result").isLessThan(BOUND_BYTES);
        assertThat(result.responseTimeHistogram().getEstimatedFootprintInBytes())
                .isLessThan(1024 * 1024);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
