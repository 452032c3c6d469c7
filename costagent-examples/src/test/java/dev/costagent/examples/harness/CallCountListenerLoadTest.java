package dev.costagent.examples.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.perf.junit.LoadTest;
import dev.costagent.perf.junit.OpenLoad;
import dev.costagent.perf.junit.WithPlugins;
import dev.costagent.perf.result.LoadResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInfo;

/** The progress listener registered per test class with {@code @WithPlugins}: its counts reach the result. */
@WithPlugins(listeners = CallCountListener.class)
class CallCountListenerLoadTest {

    @LoadTest(users = 2, iterations = 500)
    void closed() {
        ExampleWork.hash(2);
    }

    @OpenLoad(rate = 300, duration = "3s", maxConcurrency = 4)
    void open() {
        ExampleWork.hash(2);
    }

    @AfterEach
    void theListenerSawEveryCallAndWorker(LoadResult result, TestInfo test) {
        assertThat(result.count()).isPositive();
        assertThat(result.attachment(CallCountListener.COMPLETED, Long.class)).contains(result.count());
        assertThat(result.attachment(CallCountListener.SECONDS, Integer.class))
                .contains(result.series().size());
        int workers =
                result.attachment(CallCountListener.WORKERS, Integer.class).orElseThrow();
        if (test.getTestMethod().orElseThrow().getName().equals("closed")) {
            assertThat(workers).as("both users made measured calls").isEqualTo(2);
        } else {
            assertThat(workers).isBetween(1, 4);
        }
    }
}
