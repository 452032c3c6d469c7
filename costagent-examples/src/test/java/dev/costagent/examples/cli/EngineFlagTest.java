package dev.costagent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costagent.datagen.GeneratorSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --engine memory|duckdb}: the same JSON from both engines, and one-line errors. */
class EngineFlagTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path csv;
    private static Path parquet;

    @BeforeAll
    static void data() throws Exception {
        csv = dir.resolve("bill.csv");
        GeneratorSpec.builder().seed(11).rows(5_000).generator().writeCsv(csv);
        parquet = dir.resolve("bill.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true)) TO '" + parquet
                    + "' (FORMAT parquet)");
        }
    }

    @Test
    void summarizeGivesTheSameJsonOnDuckDbFromCsvAndParquet() throws Exception {
        JsonNode memory = JSON.readTree(CliRun.of(
                        "summarize",
                        "--input",
                        csv.toString(),
                        "--by",
                        "ServiceName,day",
                        "--format",
                        "json",
                        "--quiet")
                .out());
        for (Path input : new Path[] {csv, parquet}) {
            CliRun duck = CliRun.of(
                    "summarize",
                    "--engine",
                    "duckdb",
                    "--input",
                    input.toString(),
                    "--by",
                    "ServiceName,day",
                    "--format",
                    "json",
                    "--quiet");
            assertThat(duck.code()).as(duck.err()).isZero();
            JsonNode tree = JSON.readTree(duck.out());
            assertThat(tree.get("rows")).isEqualTo(memory.get("rows"));
            assertThat(tree.get("currency")).isEqualTo(memory.get("currency"));
            assertThat(tree.get("dataQuality")).isEqualTo(memory.get("dataQuality"));
            assertThat(tree.get("groups").size()).isEqualTo(memory.get("groups").size());
            for (int i = 0; i < memory.get("groups").size(); i++) {
                JsonNode m = memory.get("groups").get(i);
                JsonNode d = tree.get("groups").get(i);
                assertThat(d.get("key")).isEqualTo(m.get("key"));
                assertThat(d.get("rows")).isEqualTo(m.get("rows"));
                assertThat(d.get("cost").asDouble())
                        .isCloseTo(m.get("cost").asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-7));
            }
            assertThat(tree.get("total").asDouble())
                    .isCloseTo(memory.get("total").asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-7));
        }
    }

    @Test
    void summarizeCsvOnDuckDbListsTheSameGroupsAsTheDefaultEngine() {
        // CSV output prints the groups alone, so the DuckDB path does not ask the engine for its profile
        String[] memory = CliRun.of(
                        "summarize", "--input", csv.toString(), "--by", "ServiceName,day", "--format", "csv", "--quiet")
                .out()
                .split("\\R");
        for (Path input : new Path[] {csv, parquet}) {
            CliRun duck = CliRun.of(
                    "summarize",
                    "--engine",
                    "duckdb",
                    "--input",
                    input.toString(),
                    "--by",
                    "ServiceName,day",
                    "--format",
                    "csv",
                    "--quiet");
            assertThat(duck.code()).as(duck.err()).isZero();
            String[] lines = duck.out().split("\\R");
            assertThat(lines).hasSameSizeAs(memory);
            assertThat(lines[0]).isEqualTo("ServiceName,day,EffectiveCost,rows");
            for (int i = 0; i < memory.length; i++) {
                String[] m = memory[i].split(",");
                String[] d = lines[i].split(",");
                assertThat(d).as(lines[i]).hasSameSizeAs(m);
                assertThat(d[0] + "," + d[1] + "," + d[d.length - 1])
                        .isEqualTo(m[0] + "," + m[1] + "," + m[m.length - 1]);
                if (i > 0) {
                    assertThat(Double.parseDouble(d[d.length - 2]))
                            .isCloseTo(
                                    Double.parseDouble(m[m.length - 2]),
                                    org.assertj.core.data.Percentage.withPercentage(1e-7));
                }
            }
        }
    }

    @Test
    void analyzeRecommendAndExplainRunOnDuckDb() throws Exception {
        CliRun memory = CliRun.of("analyze", "--input", csv.toString(), "--format", "json", "--quiet");
        CliRun duck = CliRun.of(
                "analyze", "--engine", "duckdb", "--input", parquet.toString(), "--format", "json", "--quiet");
        assertThat(duck.code()).as(duck.err()).isZero();
        JsonNode m = JSON.readTree(memory.out()).get("summary");
        JsonNode d = JSON.readTree(duck.out()).get("summary");
        assertThat(d.get("rows")).isEqualTo(m.get("rows"));
        assertThat(d.get("recommendations")).isEqualTo(m.get("recommendations"));
        assertThat(d.get("totalCost").asDouble())
                .isCloseTo(m.get("totalCost").asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-7));
        assertThat(CliRun.of("recommend", "--engine", "duckdb", "--input", csv.toString(), "--quiet")
                        .code())
                .isZero();
        assertThat(CliRun.of("explain", "--engine", "duckdb", "--input", csv.toString(), "--quiet")
                        .code())
                .isZero();
    }

    @Test
    void anUnknownEngineIsAOneLineError() {
        for (String command : new String[] {"summarize", "analyze", "recommend", "explain"}) {
            CliRun run = CliRun.of(command, "--engine", "spark", "--input", csv.toString(), "--quiet");
            assertThat(run.code()).as(command).isNotZero();
            assertThat(run.err().strip())
                    .as(command)
                    .isEqualTo("costagent: unknown engine 'spark'; expected memory or duckdb");
        }
    }

    @Test
    void unreadableInputOnDuckDbIsAOneLineError() throws Exception {
        Path missing = dir.resolve("missing.parquet");
        Path junk = java.nio.file.Files.writeString(dir.resolve("junk.parquet"), "no parquet here");
        for (Path input : new Path[] {missing, junk}) {
            for (String command : new String[] {"summarize", "analyze"}) {
                CliRun run = CliRun.of(command, "--engine", "duckdb", "--input", input.toString(), "--quiet");
                assertThat(run.code()).as(command).isNotZero();
                assertThat(run.err().strip())
                        .as(command)
                        .startsWith("costagent: ")
                        .contains(input.getFileName().toString())
                        .doesNotContain("\n");
            }
        }
    }
}
