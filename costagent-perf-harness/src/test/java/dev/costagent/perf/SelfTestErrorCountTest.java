package dev.costagent.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.result.ErrorStats;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.result.SecondSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** Self-test (d): every failure is counted, by type, none lost, in both models. */
class SelfTestErrorCountTest {

    @Test
    void closedModelCountsEveryFailureByType() {
        Failing op = new Failing();

        LoadResult result = Load.closed(4).iterations(25_000).run(op);

        assertThat(result.count()).isEqualTo(100_000);
        assertThat(result.errorCount())
                .isEqualTo(op.stateFailures.sum() + op.ioFailures.sum() + op.assertionFailures.sum());
        assertThat(result.errors().countsByType())
                .containsEntry(IllegalStateException.class.getName(), op.stateFailures.sum())
                .containsEntry(UncheckedIOException.class.getName(), op.ioFailures.sum())
                .containsEntry(AssertionError.class.getName(), op.assertionFailures.sum());
        assertThat(result.errors().firstTraces()).hasSize(ErrorStats.KEPT_TRACES);
        assertThat(result.series().stream().mapToLong(SecondSample::errors).sum())
                .isEqualTo(result.errorCount());
        assertThat(result.errorRate())
                .isCloseTo((double) result.errorCount() / 100_000, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void openModelCountsEveryFailure() {
        Failing op = new Failing();

        LoadResult result = Load.open(500)
                .duration(Duration.ofMillis(600))
                .maxConcurrency(4)
                .run(op);

        assertThat(result.count()).isEqualTo(300);
        assertThat(result.errorCount())
                .isEqualTo(op.stateFailures.sum() + op.ioFailures.sum() + op.assertionFailures.sum())
                .isPositive();
        assertThat(result.series().stream().mapToLong(SecondSample::errors).sum())
                .isEqualTo(result.errorCount());
    }

    /** Fails every third call with one of three types, counting independently what it threw. */
    private static final class Failing implements Load.Operation {
        final AtomicLong calls = new AtomicLong();
        final LongAdder stateFailures = new LongAdder();
        final LongAdder ioFailures = new LongAdder();
        final LongAdder assertionFailures = new LongAdder();

        @Override
        public void call() {
            long n = calls.incrementAndGet();
            if (n % 3 != 0) {
                return;
            }
            switch ((int) (n / 3 % 3)) {
                case 0 -> {
                    stateFailures.increment();
                    throw new IllegalStateException("call " + n);
                }
                case 1 -> {
                    ioFailures.increment();
                    throw new UncheckedIOException(new IOException("call " + n));
                }
                default -> {
                    assertionFailures.increment();
                    throw new AssertionError("call " + n);
                }
            }
        }
    }
}
