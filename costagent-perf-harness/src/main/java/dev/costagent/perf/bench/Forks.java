package dev.costagent.perf.bench;

import dev.costagent.perf.Blackhole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts benchmark forks one after the other, as JMH does: {@code java} of this JVM's {@code java.home}, this JVM's
 * class path, its memory and {@code -XX} options (agents and debuggers left out), every {@code perf.*} system
 * property, the runner's extra options, then {@link ForkMain} with a request and a result file. A fork's output
 * goes to a log file; a fork that exits without a result fails the run with one line naming the fork, its exit code
 * and the last line it printed.
 */
final class Forks {

    private Forks() {}

    /** Runs {@code runner.forks()} forks of {@code request} and merges their results. */
    static BenchmarkResult run(BenchmarkRunner runner, ForkRequest request) {
        List<BenchmarkResult> results = new ArrayList<>();
        Path directory;
        try {
            directory = Files.createTempDirectory("perf-fork-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for benchmark forks: " + e.getMessage(), e);
        }
        try {
            Path requestFile = directory.resolve("request.json");
            ForkMain.JSON.writeValue(requestFile.toFile(), request);
            for (int fork = 1; fork <= runner.forks(); fork++) {
                results.add(runOne(runner, request, requestFile, directory, fork));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("benchmark fork of " + request.target() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(directory);
        }
        return BenchmarkResult.merge(runner.name(), results);
    }

    private static BenchmarkResult runOne(
            BenchmarkRunner runner, ForkRequest request, Path requestFile, Path directory, int fork)
            throws IOException {
        Path resultFile = directory.resolve("result-" + fork + ".json");
        Path log = directory.resolve("fork-" + fork + ".log");
        List<String> command = command(runner, requestFile, resultFile);
        String which = "benchmark fork " + fork + " of " + runner.forks() + " (" + request.target() + ")";
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BenchmarkFailedException(which + " interrupted", e);
        }
        if (!Files.exists(resultFile)) {
            throw new BenchmarkFailedException(which + " failed: pid " + process.pid() + " exited with code " + exit
                    + " without a result; last" + " output: " + lastLine(log));
        }
        ForkOutcome outcome = ForkMain.JSON.readValue(resultFile.toFile(), ForkOutcome.class);
        if (outcome.error() != null || outcome.result() == null) {
            throw new BenchmarkFailedException(which + " failed in pid " + outcome.pid() + ": " + outcome.error());
        }
        return outcome.result();
    }

    /** The fork's command line. */
    static List<String> command(BenchmarkRunner runner, Path requestFile, Path resultFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (inherited(option)) {
                command.add(option);
            }
        }
        for (Map.Entry<Object, Object> property : System.getProperties().entrySet()) {
            String key = String.valueOf(property.getKey());
            if (key.startsWith("perf.") && !key.startsWith("perf.fork.")) {
                command.add("-D" + key + "=" + property.getValue());
            }
        }
        command.add("-D" + ForkMain.RESULT_PROPERTY + "=" + resultFile);
        if (!command.containsAll(Blackhole.COMPILER_BLACKHOLE_FLAGS)) {
            command.addAll(Blackhole.COMPILER_BLACKHOLE_FLAGS);
        }
        command.addAll(runner.jvmArgsSetting());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ForkMain.class.getName());
        command.add(requestFile.toString());
        command.add(resultFile.toString());
        return command;
    }

    /** Memory, GC and JIT options pass to the fork; agents, debuggers and -D (passed selectively) do not. */
    private static boolean inherited(String option) {
        return option.startsWith("-Xm")
                || option.startsWith("-Xss")
                || (option.startsWith("-XX:") && !option.contains("Flight") && !option.contains("HeapDump"))
                || option.startsWith("--add-opens")
                || option.startsWith("--add-exports")
                || option.equals("--enable-preview");
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
            return "(none)";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }
}
