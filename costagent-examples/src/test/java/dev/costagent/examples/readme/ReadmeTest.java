package dev.costagent.examples.readme;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.costagent.datagen.FleetScenario;
import dev.costagent.examples.cli.CostagentCli;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The README's promises, run: every {@code ./costagent} command in it (the Quick start's and the command table's) runs
 * with exit code 0 on generated files named as the README names them; the Quick start's other command is the CI's test
 * command; every Java block compiles, the embedding example runs in a fresh JVM next to a {@code billing.csv} and
 * writes its report, and the harness example passes as a JUnit test.
 */
class ReadmeTest {

    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
    private static final Pattern COMMAND_CELL = Pattern.compile("`(\\./costagent [^`]+)`");

    @TempDir
    static Path dir;

    private static String readme;

    @BeforeAll
    static void readTheReadmeAndWriteItsFiles() throws IOException {
        readme = Files.readString(projectRoot().resolve("README.md"), UTF_8);
        FleetScenario fleet = FleetScenario.builder()
                .seed(7)
                .idle(1)
                .overProvisioned(1)
                .healthy(1)
                .build();
        Files.createDirectories(dir.resolve("billing"));
        fleet.writeCsv(dir.resolve("billing/fleet.csv"));
        fleet.writeCsv(dir.resolve("billing.csv"));
        fleet.writeUtilizationCsv(dir.resolve("cpu.csv"));
        fleet.writeInventoryCsv(dir.resolve("inventory.csv"));
    }

    @Test
    void theReadmeIsAFrontDoorNotAManual() {
        assertThat(readme.lines().count()).isLessThan(250);
    }

    @Test
    void theQuickStartIsTheMainJobAndTheCiTestCommand() throws IOException {
        List<String> quickStart = blocks("bash").get(0).lines().toList();
        assertThat(quickStart).containsExactly("./costagent analyze", "mvn verify");
        assertThat(Files.readString(projectRoot().resolve(".ci/run"), UTF_8)).contains("mvn -B -ntp verify");
    }

    @Test
    void everyCostagentCommandInTheReadmeRuns() {
        List<String> commands = new ArrayList<>();
        for (String block : blocks("bash")) {
            block.lines().filter(l -> l.startsWith("./costagent ")).forEach(commands::add);
        }
        Matcher cell = COMMAND_CELL.matcher(readme);
        while (cell.find()) {
            commands.add(cell.group(1));
        }
        assertThat(commands).hasSizeGreaterThanOrEqualTo(8);
        for (String command : commands) {
            String[] args = arguments(command);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = CostagentCli.run(args, new PrintWriter(out), new PrintWriter(err));
            assertThat(code).as(command + "\n" + err).isZero();
            assertThat(out.toString()).as(command).isNotBlank();
        }
    }

    @Test
    void theEmbeddingExampleCompilesAndRunsInAFreshJvm() throws Exception {
        String java = blocks("java").get(0);
        assertThat(java).contains("CostAgent.builder()");
        Path classes = compile("EmbeddingExample", asProgram("EmbeddingExample", java));
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classes + File.pathSeparator + System.getProperty("java.class.path"),
                        "EmbeddingExample")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains(" USD from ");
        assertThat(dir.resolve("report.html")).content(UTF_8).contains("<html");
    }

    @Test
    void theHarnessExampleCompilesAndPassesAsAJUnitTest() throws Exception {
        String java = blocks("java").get(1);
        Matcher name = Pattern.compile("class (\\w+)").matcher(java);
        assertThat(name.find()).isTrue();
        Path classes = compile(name.group(1), java);
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> test = loader.loadClass(name.group(1));
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create()
                    .execute(
                            LauncherDiscoveryRequestBuilder.request()
                                    .selectors(selectClass(test))
                                    .build(),
                            listener);
            StringWriter failures = new StringWriter();
            listener.getSummary().printFailuresTo(new PrintWriter(failures), 5);
            assertThat(listener.getSummary().getTestsSucceededCount())
                    .as(failures.toString())
                    .isEqualTo(1);
            assertThat(listener.getSummary().getTotalFailureCount())
                    .as(failures.toString())
                    .isZero();
        }
    }

    /** The fenced blocks of one language, in order. */
    private static List<String> blocks(String language) {
        List<String> found = new ArrayList<>();
        Matcher m = FENCE.matcher(readme);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                found.add(m.group(2));
            }
        }
        return found;
    }

    /** The CLI arguments of a README command, its file names resolved in the directory of generated files. */
    private static String[] arguments(String command) {
        String[] words = command.substring("./costagent ".length()).trim().split("\\s+");
        for (int i = 1; i < words.length; i++) {
            if (words[i - 1].startsWith("--") && !words[i].startsWith("-") && looksLikeAFile(words[i])) {
                words[i] = dir.resolve(words[i]).toString();
            }
        }
        return words;
    }

    private static boolean looksLikeAFile(String word) {
        return word.endsWith("/") || word.matches(".*\\.(csv|html|json|parquet|gz)");
    }

    /** A snippet as a program: its imports, then its statements in {@code main}. */
    private static String asProgram(String className, String snippet) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        snippet.lines()
                .forEach(line -> (line.startsWith("import ") ? imports : body)
                        .append(line)
                        .append('\n'));
        return imports + "public class " + className
                + " {\n public static void main(String[] args) throws Exception {\n" + body + "}\n}\n";
    }

    private static Path compile(String className, String source) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src-" + className));
        Path classes = Files.createDirectories(dir.resolve("classes-" + className));
        Path file = sources.resolve(className + ".java");
        Files.writeString(file, source, UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(
                        diagnostics,
                        null,
                        null,
                        List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")),
                        null,
                        javac.getStandardFileManager(null, null, UTF_8).getJavaFileObjects(file))
                .call();
        assertThat(ok).as(source + "\n" + diagnostics).isTrue();
        return classes;
    }

    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("README.md")) ? here : here.getParent();
    }
}
