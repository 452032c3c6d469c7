package dev.costagent.examples.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's architecture as rules over a {@link PackageGraph}; {@link #violations} lists every broken one.
 *
 * <ul>
 *   <li>No package cycles, within a module or across modules.
 *   <li>Modules point one way: the harness ({@code perf}) and core use no other costagent module; llm, datagen and
 *       the engines use core only (Spark's main may also use the CLI's classes); the examples use anything.
 *   <li>Inside core, capabilities are layered: focus ← parquet ← input ← table ← source ← analysis ← recommend ←
 *       narrate ← agent ← report. A package uses only its own capability and those before it (so {@code table} never
 *       reaches {@code analysis}, and {@code focus} reaches nothing).
 * </ul>
 */
final class ArchitectureRules {

    static final String ROOT = "dev.costagent";

    /** Each module's package root and the module roots it may use besides its own. */
    private static final Map<String, List<String>> MODULE_USES = Map.of(
            ROOT + ".perf", List.of(),
            ROOT + ".core", List.of(),
            ROOT + ".llm", List.of(ROOT + ".core"),
            ROOT + ".datagen", List.of(ROOT + ".core"),
            ROOT + ".duckdb", List.of(ROOT + ".core"),
            ROOT + ".spark", List.of(ROOT + ".core", ROOT + ".examples"),
            ROOT + ".examples",
                    List.of(ROOT + ".core", ROOT + ".llm", ROOT + ".perf", ROOT + ".datagen", ROOT + ".duckdb"));

    /** Core's capabilities, lowest first. */
    static final List<String> CORE_LAYERS = List.of(
            "focus", "parquet", "input", "table", "source", "analysis", "recommend", "narrate", "agent", "report");

    private ArchitectureRules() {}

    /** Every broken rule, one line each, with an example class arrow; empty when the graph keeps them all. */
    static List<String> violations(PackageGraph graph) {
        List<String> violations = new ArrayList<>();
        for (Set<String> cycle : graph.cycles()) {
            StringBuilder line = new StringBuilder("package cycle between " + cycle + ":");
            for (String from : cycle) {
                graph.arrowsFrom(from).forEach((to, example) -> {
                    if (cycle.contains(to)) {
                        line.append(" [").append(example).append(']');
                    }
                });
            }
            violations.add(line.toString());
        }
        for (String from : graph.packages()) {
            graph.arrowsFrom(from).forEach((to, example) -> {
                String why = forbidden(from, to);
                if (why != null) {
                    violations.add(from + " -> " + to + " [" + example + "]: " + why);
                }
            });
        }
        return violations;
    }

    /** Why the arrow is forbidden, or {@code null} when it is allowed. */
    static String forbidden(String from, String to) {
        String fromModule = moduleOf(from);
        String toModule = moduleOf(to);
        if (fromModule == null || toModule == null) {
            return fromModule == null ? "package " + from + " is in no known module" : null;
        }
        if (!fromModule.equals(toModule) && !MODULE_USES.get(fromModule).contains(toModule)) {
            return "module " + fromModule + " may not use " + toModule;
        }
        if (fromModule.equals(ROOT + ".core") && toModule.equals(fromModule)) {
            int fromLayer = coreLayer(from);
            int toLayer = coreLayer(to);
            if (fromLayer < 0 || toLayer < 0) {
                return "core package " + (fromLayer < 0 ? from : to) + " has no layer in " + CORE_LAYERS;
            }
            if (toLayer > fromLayer) {
                return "core's " + CORE_LAYERS.get(fromLayer) + " may not use " + CORE_LAYERS.get(toLayer)
                        + ", a later layer";
            }
        }
        return null;
    }

    private static String moduleOf(String pkg) {
        for (String module : MODULE_USES.keySet()) {
            if (within(pkg, module)) {
                return module;
            }
        }
        return null;
    }

    private static int coreLayer(String pkg) {
        for (int i = 0; i < CORE_LAYERS.size(); i++) {
            if (within(pkg, ROOT + ".core." + CORE_LAYERS.get(i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean within(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }
}
