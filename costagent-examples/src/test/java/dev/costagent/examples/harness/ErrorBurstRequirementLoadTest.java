package dev.costagent.examples.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.junit.OpenLoad;
import dev.costagent.perf.junit.PerfExtension;
import dev.costagent.perf.junit.Requirements;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.PerfReport;
import dev.costagent.perf.spi.Verdict;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The error-burst requirement named in {@code @Requirements(custom = ...)}. A reporter registered on the class's
 * extension captures the verdicts, so the test checks the requirement was evaluated with its default bound.
 */
class ErrorBurstRequirementLoadTest {

    private static final List<PerfReport> REPORTS = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static PerfExtension perf = new PerfExtension().withReporter(REPORTS::add);

    @OpenLoad(rate = 200, duration = "3s", maxConcurrency = 4)
    @Requirements(maxErrorRate = 0.01, custom = ErrorBurstRequirement.class)
    void steadyHashing() {
        ExampleWork.hash(16);
    }

    @AfterEach
    void everySecondWasChecked(LoadResult result) {
        PerfReport report = REPORTS.get(REPORTS.size() - 1);
        assertThat(report.result()).isSameAs(result);
        List<Verdict> bursts = report.verdicts().stream()
                .filter(v -> v.requirement().equals(ErrorBurstRequirement.NAME))
                .toList();
        assertThat(bursts).singleElement().satisfies(v -> {
            assertThat(v.required()).isEqualTo("<= 5.00 % in every second");
            assertThat(v.measured()).startsWith("0.00 % in second ");
            assertThat(v.met()).isTrue();
        });
    }
}
