package dev.costagent.examples.bench;

import dev.costagent.perf.stats.Stats;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parquet benchmark, whole processes in one run, interleaved round by round so that machine noise hits every
 * contender alike: (a) {@code costagent summarize --by day,ServiceName} over a Parquet file vs DuckDB's
 * {@code GROUP BY ALL} over {@code read_parquet} of the same file; (b) {@code costagent ingest} of the Parquet file vs
 * {@code costagent ingest} of the CSV it was made from. Prints medians and the ratios issue 13 asks for.
 *
 * <p>Run: {@code java -cp ... ParquetBenchmark FILE.csv [rounds] [costagent.jar]}; the Parquet file is
 * {@code FILE.parquet} beside it, written by DuckDB's {@code COPY ... (FORMAT parquet)} (Snappy, its defaults) when
 * absent. See docs/performance.md, Parquet.
 */
public final class ParquetBenchmark {

    private ParquetBenchmark() {}

    /** Runs the benchmark: {@code FILE.csv [rounds] [costagent.jar]}. */
    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String jar = args.length > 2 ? args[2] : "costagent-examples/target/costagent.jar";
        Path parquet = csv.resolveSibling(csv.getFileName().toString().replaceFirst("\\.csv$", "") + ".parquet");
        if (!Files.exists(parquet)) {
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                    Statement statement = connection.createStatement()) {
                statement.execute(
                        "COPY (SELECT * FROM read_csv('" + csv.toString().replace("'", "''") + "')) TO '"
                                + parquet.toString().replace("'", "''") + "' (FORMAT parquet)");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        List<String> costagent = IngestBenchmark.costagentCommand(java, jar);
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put(
                "costagent summarize parquet",
                IngestBenchmark.with(
                        costagent,
                        "summarize",
                        "--quiet",
                        "--format",
                        "csv",
                        "--by",
                        "day,ServiceName",
                        "--input",
                        parquet.toString()));
        commands.put(
                "duckdb summarize parquet",
                List.of(java, "-cp", classpath, DuckDbQuery.class.getName(), "summarize", parquet.toString()));
        commands.put(
                "costagent ingest parquet",
                IngestBenchmark.with(costagent, "ingest", "--quiet", "--input", parquet.toString()));
        commands.put(
                "costagent ingest csv",
                IngestBenchmark.with(costagent, "ingest", "--quiet", "--input", csv.toString()));
        Map<String, double[]> seconds = new LinkedHashMap<>();
        commands.keySet().forEach(name -> seconds.put(name, new double[rounds]));
        System.out.printf(
                Locale.ROOT,
                "load (1-minute average) before: %s; costagent runs as: %s%n",
                IngestBenchmark.load(),
                String.join(" ", costagent));
        System.out.printf(
                Locale.ROOT,
                "csv %s (%,d MB), parquet %s (%,d MB), %d rounds, %d cores%n",
                csv,
                Files.size(csv) >> 20,
                parquet,
                Files.size(parquet) >> 20,
                rounds,
                Runtime.getRuntime().availableProcessors());
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                seconds.get(command.getKey())[round] = time(command.getValue());
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> entry : seconds.entrySet()) {
            double median = Stats.median(entry.getValue());
            medians.put(entry.getKey(), median);
            System.out.printf(
                    Locale.ROOT,
                    "%-28s median %.2f s  runs %s%n",
                    entry.getKey(),
                    median,
                    Arrays.toString(Arrays.stream(entry.getValue())
                            .map(v -> Math.round(v * 100) / 100.0)
                            .toArray()));
        }
        System.out.printf(Locale.ROOT, "load (1-minute average) after: %s%n", IngestBenchmark.load());
        System.out.printf(
                Locale.ROOT,
                "ratio (a) summarize costagent/duckdb on parquet = %.2f (must be <= 1.0)%n",
                medians.get("costagent summarize parquet") / medians.get("duckdb summarize parquet"));
        System.out.printf(
                Locale.ROOT,
                "ratio (b) ingest parquet/csv = %.2f (must be <= 0.5)%n",
                medians.get("costagent ingest parquet") / medians.get("costagent ingest csv"));
    }

    private static double time(List<String> command) throws Exception {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(new ArrayList<>(command))
                .redirectErrorStream(true)
                .redirectOutput(new File("/dev/null"))
                .start();
        int code = process.waitFor();
        if (code != 0) {
            throw new IllegalStateException("exit " + code + ": " + String.join(" ", command));
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
