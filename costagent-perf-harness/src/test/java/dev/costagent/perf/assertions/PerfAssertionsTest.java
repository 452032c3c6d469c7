package dev.costagent.perf.assertions;

import static dev.costagent.perf.assertions.PerfAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.perf.Load;
import dev.costagent.perf.requirement.Requirements;
import dev.costagent.perf.result.LoadResult;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PerfAssertionsTest {

    private final LoadResult clean = Load.closed(2).iterations(500).run(() -> {});

    @Test
    void passingAssertionsChain() {
        assertThat(clean).hasNoErrors().hasNoDroppedStarts().hasCount(1_000);
        assertThat(clean).responseTime(99).isLessThan(Duration.ofSeconds(1));
        assertThat(clean).throughput().isPositive();
        assertThat(clean)
                .meets(Requirements.builder()
                        .p99(Duration.ofSeconds(1))
                        .maxErrorRate(0)
                        .build());
    }

    @Test
    void failuresSayWhatWasMeasured() {
        assertThatThrownBy(() -> assertThat(clean).responseTime(99).isLessThan(Duration.ZERO))
                .hasMessageContaining("p99 response time of 'load'");
        assertThatThrownBy(() -> assertThat(clean).hasCount(3)).hasMessageContaining("to complete 3 operations");
        assertThatThrownBy(() -> assertThat(clean)
                        .meets(Requirements.builder().minThroughput(1e12).build()))
                .hasMessageContaining("1 of 1 performance requirements not met");
    }

    @Test
    void errorsAreReportedByType() {
        AtomicLong n = new AtomicLong();
        LoadResult failing = Load.closed(1).iterations(10).run(() -> {
            if (n.incrementAndGet() % 2 == 0) {
                throw new UnsupportedOperationException("no");
            }
        });

        assertThatThrownBy(() -> assertThat(failing).hasNoErrors())
                .hasMessageContaining("5 failed")
                .hasMessageContaining("java.lang.UnsupportedOperationException=5");
    }

    @Test
    void recoveryNeedsASpikeProfile() {
        assertThatThrownBy(() -> assertThat(clean).recoveredWithin(Duration.ofSeconds(1), 20))
                .hasMessageContaining("spike phase");
    }
}
