package dev.costagent.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.SecondSample;
import org.junit.jupiter.api.Test;

/** Self-test (c): ten million no-op calls are counted as exactly ten million (no float counters). */
class SelfTestExactCountTest {

    @Test
    void tenMillionNoOpCallsAreCountedExactly() {
        LoadResult result = Load.closed(2)
                .iterations(5_000_000)
                .threads(ThreadMode.PLATFORM)
                .run(() -> {});

        assertThat(result.count()).isEqualTo(10_000_000L);
        assertThat(result.series().stream().mapToLong(SecondSample::completed).sum())
                .isEqualTo(10_000_000L);
        assertThat(result.responseTimeHistogram().getTotalCount()).isEqualTo(10_000_000L);
    }
}
