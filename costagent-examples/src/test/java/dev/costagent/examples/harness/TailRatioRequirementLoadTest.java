package dev.costagent.examples.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.junit.LoadTest;
import dev.costagent.perf.junit.PerfExtension;
import dev.costagent.perf.result.LoadResult;
import dev.costagent.perf.spi.PerfReport;
import dev.costagent.perf.spi.Verdict;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tail-ratio requirement with a bound of its own, registered on the class's extension: annotations can only
 * create a requirement with its no-argument constructor, an extension instance takes any. A reporter on the same
 * extension captures the verdicts, so the test checks the requirement was evaluated; a violated one fails the test.
 */
class TailRatioRequirementLoadTest {

    private static final List<PerfReport> REPORTS = new CopyOnWriteArrayList<>();

    /** 50 rather than 5: on a shared two-core build machine being descheduled alone can triple p99. */
    @RegisterExtension
    static PerfExtension perf =
            new PerfExtension().withRequirement(new TailRatioRequirement(50)).withReporter(REPORTS::add);

    @LoadTest(users = 1, iterations = 100, warmup = "3s")
    void evenHashing() {
        ExampleWork.hash(4096);
    }

    @AfterEach
    void theRatioWasChecked(LoadResult result) {
        PerfReport report = REPORTS.get(REPORTS.size() - 1);
        assertThat(report.result()).isSameAs(result);
        List<Verdict> ratios = report.verdicts().stream()
                .filter(v -> v.requirement().equals(TailRatioRequirement.NAME))
                .toList();
        assertThat(ratios).singleElement().satisfies(v -> {
            assertThat(v.required()).isEqualTo("<= 50.00");
            assertThat(v.met()).isTrue();
        });
    }
}
