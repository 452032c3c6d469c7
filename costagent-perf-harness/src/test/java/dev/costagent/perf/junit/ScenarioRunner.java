package dev.costagent.perf.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs a scenario class through the JUnit Platform launcher and records what happened to each test. */
final class ScenarioRunner {

    /** What happened to one test method. */
    record Outcome(String name, String status, Throwable failure, List<Map<String, String>> entries) {}

    private ScenarioRunner() {}

    static List<Outcome> run(Class<?> scenarios, Map<String, String> configuration) {
        LauncherDiscoveryRequest discovery = request()
                .selectors(selectClass(scenarios))
                .configurationParameters(configuration)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        Map<String, List<Map<String, String>>> entries = new java.util.concurrent.ConcurrentHashMap<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(discovery, new TestExecutionListener() {
            @Override
            public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
                entries.computeIfAbsent(id.getUniqueId(), k -> new ArrayList<>())
                        .add(entry.getKeyValuePairs());
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                if (id.isTest()) {
                    outcomes.add(new Outcome(id.getDisplayName(), "SKIPPED " + reason, null, List.of()));
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    outcomes.add(new Outcome(
                            id.getDisplayName(),
                            result.getStatus().name(),
                            result.getThrowable().orElse(null),
                            entries.getOrDefault(id.getUniqueId(), List.of())));
                }
            }
        });
        return outcomes;
    }

    static Outcome single(Class<?> scenarios, Map<String, String> configuration) {
        List<Outcome> outcomes = run(scenarios, configuration);
        if (outcomes.size() != 1) {
            throw new AssertionError("expected one test in " + scenarios.getSimpleName() + ", got " + outcomes);
        }
        return outcomes.get(0);
    }
}
