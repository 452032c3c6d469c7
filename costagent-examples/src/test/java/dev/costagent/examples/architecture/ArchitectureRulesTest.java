package dev.costagent.examples.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test of {@link ArchitectureTest}: planted violations, compiled for real, must be caught with the arrow that
 * breaks the rule; a clean one-way design must pass.
 */
class ArchitectureRulesTest {

    @TempDir
    Path dir;

    @Test
    void aPlantedCycleFails() throws Exception {
        Path classes = compile(
                "dev.costagent.core.recommend.Engine",
                "package dev.costagent.core.recommend; public class Engine { dev.costagent.core.recommend.rules.Rule r; }",
                "dev.costagent.core.recommend.rules.Rule",
                "package dev.costagent.core.recommend.rules; public class Rule {"
                        + " void use(dev.costagent.core.recommend.Engine e) {} }");
        List<String> violations = violationsIn(classes);
        assertThat(violations)
                .singleElement()
                .asString()
                .startsWith("package cycle between [dev.costagent.core.recommend, dev.costagent.core.recommend.rules]")
                .contains("Engine -> Rule", "Rule -> Engine");
    }

    @Test
    void aTableUsingAnAnalysisFails() throws Exception {
        Path classes = compile(
                "dev.costagent.core.analysis.Trend",
                "package dev.costagent.core.analysis; public class Trend {}",
                "dev.costagent.core.table.Column",
                "package dev.costagent.core.table; public class Column {"
                        + " Object o = new dev.costagent.core.analysis.Trend(); }");
        assertThat(violationsIn(classes))
                .containsExactly("dev.costagent.core.table -> dev.costagent.core.analysis [Column -> Trend]: core's "
                        + "table may not use analysis, a later layer");
    }

    @Test
    void theHarnessUsingCoreAndCoreUsingLlmFail() throws Exception {
        Path classes = compile(
                "dev.costagent.core.focus.Row",
                "package dev.costagent.core.focus; public class Row {"
                        + " java.util.List<dev.costagent.llm.Client> clients; }",
                "dev.costagent.llm.Client",
                "package dev.costagent.llm; public class Client {}",
                "dev.costagent.perf.Load",
                "package dev.costagent.perf; public class Load {"
                        + " static Object of() { return java.util.List.of(new dev.costagent.core.focus.Row()); } }");
        assertThat(violationsIn(classes))
                .containsExactlyInAnyOrder(
                        "dev.costagent.core.focus -> dev.costagent.llm [Row -> Client]: module dev.costagent.core may"
                                + " not use dev.costagent.llm",
                        "dev.costagent.perf -> dev.costagent.core.focus [Load -> Row]: module dev.costagent.perf may"
                                + " not use dev.costagent.core");
    }

    @Test
    void aOneWayDesignPasses() throws Exception {
        Path classes = compile(
                "dev.costagent.core.focus.Row",
                "package dev.costagent.core.focus; public class Row {}",
                "dev.costagent.core.table.Column",
                "package dev.costagent.core.table; public class Column { dev.costagent.core.focus.Row row; }",
                "dev.costagent.llm.Client",
                "package dev.costagent.llm; public class Client { dev.costagent.core.table.Column c; }");
        assertThat(violationsIn(classes)).isEmpty();
    }

    private List<String> violationsIn(Path classes) {
        return ArchitectureRules.violations(PackageGraph.of(ClassReferences.of(classes), ArchitectureRules.ROOT + "."));
    }

    /** Compiles name/source pairs into a fresh class directory. */
    private Path compile(String... nameAndSource) throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String[] args = new String[nameAndSource.length / 2 + 2];
        args[0] = "-d";
        args[1] = classes.toString();
        for (int i = 0; i < nameAndSource.length; i += 2) {
            Path file = sources.resolve(nameAndSource[i].replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, nameAndSource[i + 1], StandardCharsets.UTF_8);
            args[i / 2 + 2] = file.toString();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args))
                .as("planted classes compile")
                .isZero();
        return classes;
    }
}
