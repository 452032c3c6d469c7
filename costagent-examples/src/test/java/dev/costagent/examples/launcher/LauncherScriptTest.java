package dev.costagent.examples.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script run as users run it, in a copy of the project whose CLI jar is {@link LauncherProbe}: the JVM
 * options it picks per command and input, and that it reaches the CLI whatever the input (so that the CLI, not the
 * script, reports a bad one).
 */
class LauncherScriptTest {

    @TempDir
    static Path root;

    @BeforeAll
    static void aProjectWhoseCliIsTheProbe() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the launcher is a bash script");
        Path here = Path.of("").toAbsolutePath();
        Path project = Files.exists(here.resolve("costagent")) ? here : here.getParent();
        Path script = root.resolve("costagent");
        Files.copy(project.resolve("costagent"), script);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path directives = Path.of("costagent-examples/src/main/launcher/jit-directives.json");
        Files.createDirectories(root.resolve(directives).getParent());
        Files.copy(project.resolve(directives), root.resolve(directives));
        Path jar = Files.createDirectories(root.resolve("costagent-examples/target"))
                .resolve("costagent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String classes = LauncherProbe.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the jar
        }
    }

    @Test
    void aMissingParquetInputStillReachesTheCli() throws Exception {
        List<String> seen = launch("ingest", "--quiet", "--input", "/no/such/bill.parquet");
        assertThat(seen).contains("arg /no/such/bill.parquet");
    }

    @Test
    void parquetIngestTakesC1AloneOnlyBelow256MiB() throws Exception {
        Path small = root.resolve("small.parquet");
        Files.write(small, new byte[1024]);
        Path large = root.resolve("large.parquet");
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(300L << 20); // sparse: its size is what the launcher reads
        }
        assertThat(launch("ingest", "--input", small.toString()))
                .contains("jvm -XX:TieredStopAtLevel=1", "jvm -XX:PretenureSizeThreshold=256k");
        assertThat(launch("ingest", "--input=" + large))
                .contains("jvm -XX:PretenureSizeThreshold=256k")
                .doesNotContain("jvm -XX:TieredStopAtLevel=1");
        assertThat(launch("summarize", "--input", small.toString())).doesNotContain("jvm -XX:TieredStopAtLevel=1");
    }

    @Test
    void duckdbRunsC1AloneAndCsvKeepsC2() throws Exception {
        assertThat(launch("analyze", "--engine", "duckdb", "--input", "bill.csv"))
                .contains("jvm -XX:TieredStopAtLevel=1", "jvm -XX:CICompilerCount=1");
        assertThat(launch("ingest", "--input", "bill.csv"))
                .contains("jvm -XX:+UseSerialGC")
                .doesNotContain("jvm -XX:TieredStopAtLevel=1");
    }

    /** Only ingest, which builds a table and keeps it to the end, starts its large arrays in the old generation. */
    @Test
    void ingestStartsItsLargeArraysInTheOldGeneration() throws Exception {
        String pretenure = "jvm -XX:PretenureSizeThreshold=256k";
        assertThat(launch("ingest", "--input", "bill.csv")).contains(pretenure);
        for (String command : List.of("analyze", "recommend", "explain", "summarize")) {
            assertThat(launch(command, "--input", "bill.csv")).as(command).doesNotContain(pretenure);
        }
    }

    @Test
    void theAgentsCommandsKeepC2ForTheReaderOnly() throws Exception {
        String directives = "jvm -XX:CompilerDirectivesFile="
                + root.resolve("costagent-examples/src/main/launcher/jit-directives.json");
        for (String command : List.of("analyze", "recommend", "explain")) {
            assertThat(launch(command, "--input", "bill.csv"))
                    .as(command)
                    .contains(
                            directives,
                            "jvm -XX:+DisplayVMOutputToStderr",
                            "jvm -XX:MinHeapFreeRatio=70",
                            "jvm -XX:Tier3BackEdgeThreshold=6000")
                    .doesNotContain("jvm -XX:TieredStopAtLevel=1");
        }
        assertThat(launch("ingest", "--input", "bill.csv"))
                .doesNotContain(directives)
                .doesNotContain("jvm -XX:MinHeapFreeRatio=70", "jvm -XX:Tier3BackEdgeThreshold=6000");
        assertThat(launch("summarize", "--input", "bill.csv")).doesNotContain(directives);
        // DuckDB's run has no reader in the JVM: C1 alone, no directives
        assertThat(launch("analyze", "--engine", "duckdb", "--input", "bill.csv"))
                .doesNotContain(directives);
    }

    /** The directives are valid for this JVM, and say so on standard error only: the output stays the command's. */
    @Test
    void theDirectivesFileLoadsQuietly() throws Exception {
        Path directives = root.resolve("costagent-examples/src/main/launcher/jit-directives.json");
        Process java = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:+UnlockDiagnosticVMOptions",
                        "-XX:+DisplayVMOutputToStderr",
                        "-XX:CompilerDirectivesFile=" + directives,
                        "-version")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(java.getInputStream().readAllBytes(), UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).isZero();
        assertThat(out).isEmpty();
    }

    /** Runs the launcher copy; the probe's lines. */
    private static List<String> launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("costagent").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("COSTAGENT_CDS", "off");
        builder.environment().remove("COSTAGENT_JAVA_OPTS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
