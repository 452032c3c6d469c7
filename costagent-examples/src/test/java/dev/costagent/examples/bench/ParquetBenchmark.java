package dev.costagent.examples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

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
        String java = Contenders.javaExecutable();
        String classpath = System.getProperty("java.class.path");
        List<String> costagent = Contenders.costagentCommand(java, jar);
        Contenders contenders = new Contenders()
                .add("costagent summarize parquet", Contenders.summarizeByDayAndService(costagent, parquet.toString()))
                .add(
                        "duckdb summarize parquet",
                        List.of(java, "-cp", classpath, DuckDbQuery.class.getName(), "summarize", parquet.toString()))
                .add(
                        "costagent ingest parquet",
                        Contenders.with(costagent, "ingest", "--quiet", "--input", parquet.toString()))
                .add(
                        "costagent ingest csv",
                        Contenders.with(costagent, "ingest", "--quiet", "--input", csv.toString()));
        System.out.printf(
                Locale.ROOT,
                "load (1-minute average) before: %s; costagent runs as: %s%n",
                Contenders.load(),
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
            contenders.round();
        }
        contenders.print(System.out);
        System.out.printf(Locale.ROOT, "load (1-minute average) after: %s%n", Contenders.load());
        System.out.printf(
                Locale.ROOT,
                "ratio (a) summarize costagent/duckdb on parquet = %.2f (must be <= 1.0)%n",
                contenders.seconds("costagent summarize parquet") / contenders.seconds("duckdb summarize parquet"));
        System.out.printf(
                Locale.ROOT,
                "ratio (b) ingest parquet/csv = %.2f (must be <= 0.5)%n",
                contenders.seconds("costagent ingest parquet") / contenders.seconds("costagent ingest csv"));
    }
}
