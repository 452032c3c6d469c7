package dev.costagent.examples.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.perf.Load;
import dev.costagent.perf.requirement.Requirements;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.Verdict;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The tail-ratio requirement on real runs, used through the requirements builder. */
class TailRatioRequirementTest {

    @Test
    void aSlowTailFailsAndTheFailureSaysMeasuredAgainstRequired() {
        // Every 10th call hashes 100 times more: p99 lands on the slow calls, p50 on the fast ones.
        AtomicLong calls = new AtomicLong();
        LoadResult spiky =
                Load.closed(1).iterations(400).run(() -> ExampleWork.hash(calls.incrementAndGet() % 10 == 0 ? 400 : 4));

        Verdict verdict = new TailRatioRequirement().evaluate(spiky);

        assertThat(verdict.met()).as(verdict.describe()).isFalse();
        assertThat(Double.parseDouble(verdict.measured())).isGreaterThan(TailRatioRequirement.DEFAULT_MAX_RATIO);
        Requirements requirements = Requirements.builder()
                .maxErrorRate(0)
                .add(new TailRatioRequirement())
                .build();
        assertThatThrownBy(() -> requirements.assertMetBy(spiky))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        TailRatioRequirement.NAME + ": measured " + verdict.measured() + ", required <= 5.00");
    }

    @Test
    void anEvenWorkloadMeetsAGenerousBound() {
        // Calls of a few milliseconds each and a warm-up, so class loading and JIT compilation stay out of the
        // tail. The bound is 50, not 5: on a shared two-core build machine being descheduled alone triples p99.
        LoadResult even =
                Load.closed(1).iterations(30).warmup(Duration.ofMillis(300)).run(() -> ExampleWork.hash(4096));

        Verdict verdict = new TailRatioRequirement(50).evaluate(even);

        double ratio =
                (double) even.responseTime(99).toNanos() / even.responseTime(50).toNanos();
        assertThat(verdict.measured()).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", ratio));
        assertThat(verdict.required()).isEqualTo("<= 50.00");
        assertThat(verdict.met()).as(verdict.describe()).isTrue();
        Requirements.builder()
                .maxErrorRate(0)
                .add(new TailRatioRequirement(50))
                .build()
                .assertMetBy(even);
    }

    @Test
    void aBoundBelowOneIsRejected() {
        assertThatThrownBy(() -> new TailRatioRequirement(0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a p99/p50 ratio bound must be a finite number >= 1, got 0.5");
    }
}
