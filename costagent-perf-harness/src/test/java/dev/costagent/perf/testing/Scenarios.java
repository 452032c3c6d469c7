package dev.costagent.perf.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a small test class (a scenario) on the JUnit Platform inside a test, so the harness II extensions can be
 * tested end to end: what each test method's status was, why it failed, and which report entries it published.
 */
public final class Scenarios {

    /** What happened to one test method of a scenario. */
    public record Outcome(String name, String status, Throwable failure, Map<String, String> entries) {

        /** Whether the test passed. */
        public boolean passed() {
            return status.equals("SUCCESSFUL");
        }
    }

    private Scenarios() {}

    /** Runs every test of {@code scenario} with these configuration parameters. */
    public static List<Outcome> run(Class<?> scenario, Map<String, String> configuration) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(scenario))
                .configurationParameters(configuration)
                .build();
        Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
                entries.computeIfAbsent(test.getUniqueId(), k -> new ConcurrentHashMap<>())
                        .putAll(entry.getKeyValuePairs());
            }

            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                if (test.isTest()) {
                    outcomes.add(new Outcome(test.getDisplayName(), "SKIPPED: " + reason, null, Map.of()));
                }
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    outcomes.add(new Outcome(
                            test.getDisplayName(),
                            result.getStatus().name(),
                            result.getThrowable().orElse(null),
                            entries.getOrDefault(test.getUniqueId(), Map.of())));
                }
            }
        });
        return new ArrayList<>(outcomes);
    }

    /** Runs a scenario with exactly one test and returns its outcome. */
    public static Outcome single(Class<?> scenario, Map<String, String> configuration) {
        List<Outcome> outcomes = run(scenario, configuration);
        if (outcomes.size() != 1) {
            throw new AssertionError("expected one test in " + scenario.getSimpleName() + ", got " + outcomes);
        }
        return outcomes.get(0);
    }
}
