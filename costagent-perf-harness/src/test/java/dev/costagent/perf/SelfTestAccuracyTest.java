package dev.costagent.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.perf.result.LoadResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Self-test (a): a 1 ms busy-spin is reported as 1 ms, within 5 %, by both models. */
class SelfTestAccuracyTest {

    private static final long ONE_MS = 1_000_000L;

    @Test
    void closedModelReportsTheMedianOfAOneMillisecondSpinWithinFivePercent() {
        LoadResult result =
                Load.closed(1).iterations(400).threads(ThreadMode.PLATFORM).run(() -> Spin.forNanos(ONE_MS));

        assertThat((double) result.responseTime(50).toNanos()).isCloseTo(ONE_MS, within(0.05 * ONE_MS));
        assertThat(result.count()).isEqualTo(400);
    }

    @Test
    void openModelReportsTheServiceTimeMedianOfAOneMillisecondSpinWithinFivePercent() {
        LoadResult result =
                Load.open(200).duration(Duration.ofSeconds(1)).maxConcurrency(1).run(() -> Spin.forNanos(ONE_MS));

        assertThat((double) result.serviceTime(50).toNanos()).isCloseTo(ONE_MS, within(0.05 * ONE_MS));
        assertThat(result.count()).isEqualTo(200);
    }
}
