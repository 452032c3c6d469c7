package dev.costagent.examples.bench;

import dev.costagent.perf.stats.Stats;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ingest benchmark, whole processes in one run, interleaved round by round so that machine noise hits every
 * contender alike: (a) full ingest — {@code costagent ingest} vs DuckDB {@code CREATE TABLE AS SELECT * FROM
 * read_csv}; (b) {@code costagent summarize --by day,ServiceName} vs DuckDB's {@code GROUP BY ALL} over
 * {@code read_csv}; (c) {@code costagent analyze} (the whole workflow) against (a), with the agent's stage timings.
 * Each process's peak RSS comes from {@code /usr/bin/time}. Prints medians and the ratios the cost-table issue asks
 * for.
 *
 * <p>Run: {@code mvn -q -pl costagent-examples -am test-compile && java -cp ... IngestBenchmark FILE [rounds]} (see
 * docs/performance.md).
 */
public final class IngestBenchmark {

    private IngestBenchmark() {}

    /** Runs the benchmark: {@code FILE [rounds] [costagent.jar]}. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String jar = args.length > 2 ? args[2] : "costagent-examples/target/costagent.jar";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        List<String> costagent = costagentCommand(java, jar);
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("costagent ingest (a)", with(costagent, "ingest", "--quiet", "--input", file.toString()));
        commands.put(
                "duckdb ingest (a)",
                List.of(java, "-cp", classpath, DuckDbQuery.class.getName(), "ingest", file.toString()));
        commands.put(
                "costagent summarize (b)",
                with(
                        costagent,
                        "summarize",
                        "--quiet",
                        "--format",
                        "csv",
                        "--by",
                        "day,ServiceName",
                        "--input",
                        file.toString()));
        commands.put(
                "duckdb summarize (b)",
                List.of(java, "-cp", classpath, DuckDbQuery.class.getName(), "summarize", file.toString()));
        commands.put(
                "costagent analyze (c)",
                with(costagent, "analyze", "--quiet", "--format", "json", "--input", file.toString()));
        Map<String, double[]> seconds = new LinkedHashMap<>();
        Map<String, double[]> rssMiB = new LinkedHashMap<>();
        commands.keySet().forEach(name -> seconds.put(name, new double[rounds]));
        commands.keySet().forEach(name -> rssMiB.put(name, new double[rounds]));
        Map<String, double[]> stages = new LinkedHashMap<>();
        double[] floor = new double[rounds];
        System.out.printf(Locale.ROOT, "load before: %s; costagent runs as: %s%n", load(), String.join(" ", costagent));
        System.out.printf(
                Locale.ROOT,
                "file %s (%,d MB), %d rounds, %d cores%n",
                file,
                Files.size(file) >> 20,
                rounds,
                Runtime.getRuntime().availableProcessors());
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                Run run = run(command.getValue());
                seconds.get(command.getKey())[round] = run.seconds();
                rssMiB.get(command.getKey())[round] = run.peakRssKiB() / 1024.0;
                if (command.getKey().startsWith("costagent analyze")) {
                    for (Map.Entry<String, Double> stage : run.stageMillis().entrySet()) {
                        stages.computeIfAbsent(stage.getKey(), k -> new double[rounds])[round] = stage.getValue();
                    }
                }
            }
            floor[round] = newlineFloor(file);
        }
        System.out.printf(Locale.ROOT, "load after: %s%n", load());
        System.out.printf(
                Locale.ROOT,
                "%-26s median %.2f s (in-process; the floor for any parser)%n",
                "2-thread newline count",
                Stats.median(floor));
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> entry : seconds.entrySet()) {
            double median = Stats.median(entry.getValue());
            medians.put(entry.getKey(), median);
            System.out.printf(
                    Locale.ROOT,
                    "%-26s median %.2f s, peak RSS %.0f MiB  runs %s%n",
                    entry.getKey(),
                    median,
                    Stats.median(rssMiB.get(entry.getKey())),
                    Arrays.toString(Arrays.stream(entry.getValue())
                            .map(v -> Math.round(v * 100) / 100.0)
                            .toArray()));
        }
        stages.forEach((stage, millis) ->
                System.out.printf(Locale.ROOT, "analyze stage %-10s median %.0f ms%n", stage, Stats.median(millis)));
        System.out.printf(
                Locale.ROOT,
                "ratio (a) peak RSS costagent/duckdb = %.2f (must be <= 0.6)%n",
                Stats.median(rssMiB.get("costagent ingest (a)")) / Stats.median(rssMiB.get("duckdb ingest (a)")));
        System.out.printf(
                Locale.ROOT,
                "ratio (c) analyze/ingest = %.2f (must be <= 1.3)%n",
                medians.get("costagent analyze (c)") / medians.get("costagent ingest (a)"));
        System.out.printf(
                Locale.ROOT,
                "ratio (a) costagent/duckdb = %.2f (must be <= 1.0)%n",
                medians.get("costagent ingest (a)") / medians.get("duckdb ingest (a)"));
        System.out.printf(
                Locale.ROOT,
                "ratio (b) costagent/duckdb = %.2f (must be <= 1.5)%n",
                medians.get("costagent summarize (b)") / medians.get("duckdb summarize (b)"));
    }

    /**
     * How costagent runs: the launcher script when {@code -Dcostagent.launcher=./costagent} (with its class-data
     * sharing archive), else {@code java -jar} with the launcher's default JVM options ({@code -Dcostagent.javaOpts}).
     */
    static List<String> costagentCommand(String java, String jar) {
        String launcher = System.getProperty("costagent.launcher");
        if (launcher != null) {
            return List.of(launcher);
        }
        List<String> costagent = new ArrayList<>(List.of(java));
        costagent.addAll(Arrays.asList(System.getProperty(
                        "costagent.javaOpts",
                        "-XX:+UseSerialGC -Xmn64m -XX:FreqInlineSize=100 -XX:InlineSmallCode=1000")
                .trim()
                .split("\\s+")));
        costagent.addAll(List.of("-jar", jar));
        return costagent;
    }

    /** The machine's load averages ({@code /proc/loadavg}), to print beside every figure. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static List<String> with(List<String> command, String... args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(Arrays.asList(args));
        return all;
    }

    /** One process: wall seconds, peak RSS, and (for analyze) the stage timings of its JSON report. */
    record Run(double seconds, long peakRssKiB, double cpuSeconds, Map<String, Double> stageMillis) {}

    static Run run(List<String> command) throws Exception {
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "RSS_KIB %M\nCPU_SECONDS %U %S"));
        timed.addAll(command);
        File out = File.createTempFile("bench", ".out");
        File err = File.createTempFile("bench", ".err");
        try {
            long started = System.nanoTime();
            Process process = new ProcessBuilder(timed)
                    .redirectOutput(out)
                    .redirectError(err)
                    .start();
            int code = process.waitFor();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (code != 0) {
                throw new IllegalStateException(
                        "exit " + code + ": " + String.join(" ", command) + "\n" + Files.readString(err.toPath()));
            }
            long rss = Files.readAllLines(err.toPath()).stream()
                    .filter(l -> l.startsWith("RSS_KIB "))
                    .mapToLong(l -> Long.parseLong(l.substring(8).trim()))
                    .max()
                    .orElse(-1);
            double cpu = Files.readAllLines(err.toPath()).stream()
                    .filter(l -> l.startsWith("CPU_SECONDS "))
                    .mapToDouble(l -> Arrays.stream(l.substring(12).trim().split(" "))
                            .mapToDouble(Double::parseDouble)
                            .sum())
                    .max()
                    .orElse(-1);
            Map<String, Double> stages = new LinkedHashMap<>();
            if (out.length() > 0 && out.length() < (64 << 20)) {
                String json = Files.readString(out.toPath());
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                                "\"stage\"\\s*:\\s*\"(\\w+)\"\\s*,\\s*\"millis\"\\s*:\\s*([0-9.]+)")
                        .matcher(json);
                while (m.find()) {
                    stages.put(m.group(1), Double.parseDouble(m.group(2)));
                }
            }
            return new Run(seconds, rss, cpu, stages);
        } finally {
            out.delete();
            err.delete();
        }
    }

    /** Seconds for two threads to count the newlines of the memory-mapped file: the floor for any parser. */
    private static double newlineFloor(Path file) throws Exception {
        long started = System.nanoTime();
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            long half = size / 2;
            java.util.concurrent.atomic.AtomicLong lines = new java.util.concurrent.atomic.AtomicLong();
            Thread[] threads = new Thread[2];
            for (int t = 0; t < 2; t++) {
                long from = t * half;
                long length = t == 0 ? half : size - half;
                threads[t] = new Thread(() -> {
                    long count = 0;
                    try {
                        for (long at = 0; at < length; at += Integer.MAX_VALUE) {
                            java.nio.MappedByteBuffer map = channel.map(
                                    java.nio.channels.FileChannel.MapMode.READ_ONLY,
                                    from + at,
                                    Math.min(Integer.MAX_VALUE, length - at));
                            for (int i = 0, n = map.limit(); i < n; i++) {
                                if (map.get(i) == '\n') {
                                    count++;
                                }
                            }
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    lines.addAndGet(count);
                });
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
