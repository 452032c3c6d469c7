package dev.costagent.perf.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one {@link Benchmark @Benchmark} test in a fork through the JUnit Platform launcher, selected by its unique
 * id, so the fork sees the same test instance lifecycle ({@code @BeforeEach}, fields, nested classes) and the same
 * arguments of a parameterized invocation as the parent. The {@link BenchmarkExtension} in the fork, seeing
 * {@link ForkMain#RESULT_PROPERTY}, measures in process and writes the outcome itself.
 */
final class ForkedTest {

    private ForkedTest() {}

    /** Runs the test; returns null when the extension wrote the outcome, else the failure that kept it from it. */
    static ForkOutcome run(ForkRequest request, Path resultFile) {
        System.setProperty(ForkMain.RESULT_PROPERTY, resultFile.toString());
        LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectUniqueId(request.uniqueId()))
                .configurationParameters(request.configuration())
                .build();
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicReference<Boolean> ran = new AtomicReference<>(false);
        LauncherFactory.create().execute(discovery, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    ran.set(true);
                }
                result.getThrowable()
                        .ifPresent(t ->
                                failure.compareAndSet(null, t.getMessage() == null ? t.toString() : t.getMessage()));
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                failure.compareAndSet(null, "skipped in the fork: " + reason);
            }
        });
        if (Files.exists(resultFile)) {
            return null;
        }
        if (failure.get() != null) {
            return ForkOutcome.failed(failure.get());
        }
        return ForkOutcome.failed(
                ran.get() ? "the test ran but measured nothing" : "no test with unique id " + request.uniqueId());
    }
}
