package dev.costagent.examples.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.costagent.perf.Load;
import dev.costagent.perf.requirement.Evaluation;
import dev.costagent.perf.requirement.Requirements;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.Verdict;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The error-burst requirement through the requirements builder, on a run with a half-second outage. */
class ErrorBurstRequirementTest {

    @Test
    void aHalfSecondOutagePassesTheAverageButNotThePerSecondRule() {
        // 400 calls a second for two seconds; calls 400 to 599 (intended from 1.0 s to 1.5 s) fail.
        AtomicLong calls = new AtomicLong();
        LoadResult result = Load.open(400).duration(Duration.ofSeconds(2)).run(() -> {
            long call = calls.getAndIncrement();
            if (call >= 400 && call < 600) {
                throw new IllegalStateException("backend unavailable");
            }
            ExampleWork.hash(2);
        });

        assertThat(result.count()).isEqualTo(800);
        assertThat(result.errorCount()).isEqualTo(200);
        Evaluation evaluation = Requirements.builder()
                .maxErrorRate(0.30)
                .add(new ErrorBurstRequirement())
                .build()
                .evaluate(result);

        assertThat(evaluation.violations()).singleElement().satisfies(v -> {
            assertThat(v.requirement()).isEqualTo(ErrorBurstRequirement.NAME);
            assertThat(v.measured()).contains("in second 1");
            assertThat(v.required()).isEqualTo("<= 5.00 % in every second");
        });
        assertThat(evaluation.failureMessage()).contains("1 of 2 performance requirements not met");
    }

    @Test
    void aHealthyRunMeetsIt() {
        LoadResult result = Load.closed(2).iterations(200).run(() -> ExampleWork.hash(2));

        Verdict verdict = new ErrorBurstRequirement().evaluate(result);

        assertThat(verdict.met()).as(verdict.describe()).isTrue();
        assertThat(verdict.measured()).isEqualTo("0.00 % in second 0 (0 of 400)");
    }

    @Test
    void aFractionOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> new ErrorBurstRequirement(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a per-second error fraction must be between 0 and 1, got 5.0");
    }
}
