package dev.costagent.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The library modules as the module system sees them: their descriptors resolve against the dependency jars (every
 * {@code requires} is found), the API packages are exported and the internals are not, and the engines' providers are
 * bound. The tests themselves run on the class path; this is where the module path is checked.
 */
class ModuleDescriptorsTest {

    private static final Set<String> LIBRARIES = Set.of(
            "dev.costagent.core",
            "dev.costagent.llm",
            "dev.costagent.duckdb",
            "dev.costagent.datagen",
            "dev.costagent.perf");

    @Test
    void theLibraryModulesResolveAndBindTheirProviders() {
        Configuration configuration =
                Configuration.empty().resolveAndBind(ModuleFinder.of(modulePath()), ModuleFinder.ofSystem(), LIBRARIES);
        Set<String> resolved = configuration.modules().stream()
                .map(ResolvedModule::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(resolved).containsAll(LIBRARIES);
        ModuleDescriptor core = descriptor(configuration, "dev.costagent.core");
        assertThat(core.provides())
                .anySatisfy(p -> assertThat(p.service()).isEqualTo("dev.costagent.core.source.CostSourceProvider"));
        assertThat(descriptor(configuration, "dev.costagent.duckdb").provides())
                .anySatisfy(
                        p -> assertThat(p.providers()).containsExactly("dev.costagent.duckdb.DuckDbSourceProvider"));
    }

    @Test
    void coreExportsItsApiAndNotItsInternals() {
        Configuration configuration =
                Configuration.empty().resolve(ModuleFinder.of(modulePath()), ModuleFinder.ofSystem(), LIBRARIES);
        Map<String, Set<String>> exported = new java.util.TreeMap<>();
        for (String module : LIBRARIES) {
            exported.put(
                    module,
                    descriptor(configuration, module).exports().stream()
                            .map(ModuleDescriptor.Exports::source)
                            .collect(Collectors.toSet()));
        }
        assertThat(exported.get("dev.costagent.core"))
                .contains(
                        "dev.costagent.core.agent",
                        "dev.costagent.core.table",
                        "dev.costagent.core.focus",
                        "dev.costagent.core.source")
                .doesNotContain("dev.costagent.core.focus.parse", "dev.costagent.core.parquet");
        assertThat(exported.get("dev.costagent.llm")).doesNotContain("dev.costagent.llm.transport");
        assertThat(exported.get("dev.costagent.datagen")).containsExactly("dev.costagent.datagen");
        assertThat(exported.get("dev.costagent.perf")).contains("dev.costagent.perf.junit", "dev.costagent.perf.spi");
    }

    private static ModuleDescriptor descriptor(Configuration configuration, String name) {
        return configuration.findModule(name).orElseThrow().reference().descriptor();
    }

    /** The libraries' classes (each holds its module-info.class) and every dependency jar on the test class path. */
    private static Path[] modulePath() {
        List<Path> path = new ArrayList<>(ArchitectureTest.moduleRoots().entrySet().stream()
                .filter(e -> !e.getKey().equals("costagent-examples"))
                .map(Map.Entry::getValue)
                .toList());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            if (name.endsWith(".jar") && !name.startsWith("costagent-") && !path.contains(p)) {
                path.add(p);
            }
        }
        return path.toArray(Path[]::new);
    }
}
