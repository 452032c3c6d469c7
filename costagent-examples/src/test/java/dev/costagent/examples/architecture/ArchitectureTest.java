package dev.costagent.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fails the build on a package cycle or a forbidden arrow anywhere in the project's main code ({@link
 * ArchitectureRules}). It reads the compiled classes of every module this module depends on, found on the test class
 * path (their {@code target/classes} or their jar), plus this module's own. {@link ArchitectureRulesTest} shows it
 * catching planted violations.
 */
class ArchitectureTest {

    private static final List<String> MODULES = List.of(
            "costagent-core",
            "costagent-datagen",
            "costagent-llm",
            "costagent-perf-harness",
            "costagent-duckdb",
            "costagent-examples");

    @Test
    void packagesFormNoCycleAndPointOneWay() {
        Map<String, Path> roots = moduleRoots();
        assertThat(roots.keySet())
                .as("modules found on the test class path")
                .containsExactlyInAnyOrderElementsOf(MODULES);
        Map<String, Set<String>> references = new LinkedHashMap<>();
        roots.values().forEach(root -> references.putAll(ClassReferences.of(root)));
        PackageGraph graph = PackageGraph.of(references, ArchitectureRules.ROOT + ".");
        assertThat(graph.packages()).as("packages read").hasSizeGreaterThan(40);
        assertThat(ArchitectureRules.violations(graph)).isEmpty();
    }

    @Test
    void theCoreJarHoldsNoGenerator() {
        Map<String, Set<String>> core = ClassReferences.of(moduleRoots().get("costagent-core"));
        assertThat(core.keySet()).as("classes of costagent-core").hasSizeGreaterThan(100);
        assertThat(core.keySet())
                .noneMatch(name ->
                        name.contains(".generate.") || name.contains(".datagen.") || name.contains("Generator"));
    }

    /** Each module's main classes: a {@code target/classes} directory or the module's jar (not its test jar). */
    static Map<String, Path> moduleRoots() {
        Map<String, Path> roots = new LinkedHashMap<>();
        List<String> entries =
                new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (String entry : entries) {
            Path path = Path.of(entry);
            for (String module : MODULES) {
                if (isMainClasses(path, module)) {
                    roots.putIfAbsent(module, path);
                }
            }
        }
        return roots;
    }

    private static boolean isMainClasses(Path path, String module) {
        String name = path.getFileName().toString();
        if (Files.isDirectory(path)) {
            return name.equals("classes")
                    && path.getParent().getParent().getFileName().toString().equals(module);
        }
        return name.startsWith(module + "-")
                && name.endsWith(".jar")
                && !name.endsWith("-tests.jar")
                && name.substring(module.length() + 1).matches("\\d.*");
    }
}
