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
 * {@code read_csv}. Prints medians and the ratios the foundation issue asks for.
 *
 * <p>Run: {@code mvn -q -pl costagent-examples -am test-compile && java -cp ... IngestBenchmark FILE [rounds]} (see
 * README, Performance).
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
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("costagent ingest (a)", List.of(java, "-jar", jar, "ingest", "--quiet", "--input",
                file.toString()));
        commands.put("duckdb ingest (a)", List.of(java, "-cp", classpath, DuckDbQuery.class.getName(), "ingest",
                file.toString()));
        commands.put("costagent summarize (b)", List.of(java, "-jar", jar, "summarize", "--quiet", "--format", "csv",
                "--by", "day,ServiceName", "--input", file.toString()));
        commands.put("duckdb summarize (b)", List.of(java, "-cp", classpath, DuckDbQuery.class.getName(),
                "summarize", file.toString()));
        Map<String, double[]> seconds = new LinkedHashMap<>();
        commands.keySet().forEach(name -> seconds.put(name, new double[rounds]));
        double[] floor = new double[rounds];
        System.out.printf(Locale.ROOT, "file %s (%,d MB), %d rounds, %d cores%n", file, Files.size(file) >> 20,
                rounds, Runtime.getRuntime().availableProcessors());
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                seconds.get(command.getKey())[round] = time(command.getValue());
            }
            floor[round] = newlineFloor(file);
        }
        System.out.printf(Locale.ROOT, "%-26s median %.2f s (in-process; the floor for any parser)%n",
                "2-thread newline count", Stats.median(floor));
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> entry : seconds.entrySet()) {
            double median = Stats.median(entry.getValue());
            medians.put(entry.getKey(), median);
            System.out.printf(Locale.ROOT, "%-26s median %.2f s  runs %s%n", entry.getKey(), median,
                    Arrays.toString(Arrays.stream(entry.getValue()).map(v -> Math.round(v * 100) / 100.0).toArray()));
        }
        System.out.printf(Locale.ROOT, "ratio (a) costagent/duckdb = %.2f (must be <= 1.0)%n",
                medians.get("costagent ingest (a)") / medians.get("duckdb ingest (a)"));
        System.out.printf(Locale.ROOT, "ratio (b) costagent/duckdb = %.2f (must be <= 1.5)%n",
                medians.get("costagent summarize (b)") / medians.get("duckdb summarize (b)"));
    }

    private static double time(List<String> command) throws Exception {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(new File("/dev/null")).start();
        int code = process.waitFor();
        if (code != 0) {
            throw new IllegalStateException("exit " + code + ": " + String.join(" ", command));
        }
        return (System.nanoTime() - started) / 1e9;
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
                            java.nio.MappedByteBuffer map = channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY,
                                    from + at, Math.min(Integer.MAX_VALUE, length - at));
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
