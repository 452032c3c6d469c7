package dev.costagent.examples.bench;

import dev.costagent.perf.stats.Stats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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
        String java = Contenders.javaExecutable();
        String classpath = System.getProperty("java.class.path");
        List<String> costagent = Contenders.costagentCommand(java, jar);
        List<String> duckdb = List.of(java, "-cp", classpath, DuckDbQuery.class.getName());
        Contenders contenders = new Contenders()
                .add(
                        "costagent ingest (a)",
                        Contenders.with(costagent, "ingest", "--quiet", "--input", file.toString()))
                .add("duckdb ingest (a)", Contenders.with(duckdb, "ingest", file.toString()))
                .add("costagent summarize (b)", Contenders.summarizeByDayAndService(costagent, file.toString()))
                .add("duckdb summarize (b)", Contenders.with(duckdb, "summarize", file.toString()))
                .add(
                        "costagent analyze (c)",
                        Contenders.with(
                                costagent, "analyze", "--quiet", "--format", "json", "--input", file.toString()));
        double[] floor = new double[rounds];
        System.out.printf(
                Locale.ROOT,
                "load before: %s; costagent runs as: %s%n",
                Contenders.load(),
                String.join(" ", costagent));
        System.out.printf(
                Locale.ROOT,
                "file %s (%,d MB), %d rounds, %d cores%n",
                file,
                Files.size(file) >> 20,
                rounds,
                Runtime.getRuntime().availableProcessors());
        for (int round = 0; round < rounds; round++) {
            contenders.round();
            floor[round] = newlineFloor(file);
        }
        System.out.printf(Locale.ROOT, "load after: %s%n", Contenders.load());
        System.out.printf(
                Locale.ROOT,
                "%-28s median %.2f s (in-process; the floor for any parser)%n",
                "2-thread newline count",
                Stats.median(floor));
        contenders.print(System.out);
        contenders
                .stageMillis("costagent analyze (c)")
                .forEach((stage, millis) ->
                        System.out.printf(Locale.ROOT, "analyze stage %-10s median %.0f ms%n", stage, millis));
        System.out.printf(
                Locale.ROOT,
                "ratio (a) peak RSS costagent/duckdb = %.2f (must be <= 0.6)%n",
                contenders.peakRssMiB("costagent ingest (a)") / contenders.peakRssMiB("duckdb ingest (a)"));
        System.out.printf(
                Locale.ROOT,
                "ratio (c) analyze/ingest = %.2f (must be <= 1.3)%n",
                contenders.seconds("costagent analyze (c)") / contenders.seconds("costagent ingest (a)"));
        System.out.printf(
                Locale.ROOT,
                "ratio (a) costagent/duckdb = %.2f (must be <= 1.0)%n",
                contenders.seconds("costagent ingest (a)") / contenders.seconds("duckdb ingest (a)"));
        System.out.printf(
                Locale.ROOT,
                "ratio (b) costagent/duckdb = %.2f (must be <= 1.0)%n",
                contenders.seconds("costagent summarize (b)") / contenders.seconds("duckdb summarize (b)"));
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
