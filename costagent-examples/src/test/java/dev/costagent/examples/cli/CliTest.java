package dev.costagent.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract: flags, JSON keys, exit codes and one-line errors. */
class CliTest {

    /** The names the CLI dispatches on are the commands' own, as picocli reads them from their annotations. */
    @Test
    void eachSubcommandIsListedUnderItsOwnName() {
        CostagentCli.subcommandsByName()
                .forEach((name, type) -> assertThat(type.getAnnotation(picocli.CommandLine.Command.class)
                                .name())
                        .as(type.getSimpleName())
                        .isEqualTo(name));
        assertThat(CostagentCli.subcommandsByName()).hasSize(8);
    }

    @TempDir
    Path dir;

    private static Path sample() {
        String configured = System.getProperty("costagent.sharedData", "../shared/data");
        Path file = Path.of(configured, "focus", "focus_sample.csv");
        assumeTrue(Files.isRegularFile(file), "skipped: shared data file " + file + " is absent");
        return file;
    }

    @Test
    void helpListsEveryCommandAndEachCommandStillRuns() {
        CliRun help = CliRun.of("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out())
                .contains("analyze", "summarize", "recommend", "explain", "utilization", "ingest", "generate", "help");
        CliRun summarizeHelp = CliRun.of("summarize", "--help");
        assertThat(summarizeHelp.code()).isZero();
        assertThat(summarizeHelp.out()).startsWith("Usage: costagent summarize").contains("--by", "--engine");
        CliRun helpFor = CliRun.of("help", "ingest");
        assertThat(helpFor.out()).startsWith("Usage: costagent ingest");
        CliRun unknown = CliRun.of("summarise");
        assertThat(unknown.code()).isEqualTo(CostagentCli.BAD_INPUT);
        assertThat(unknown.err().strip()).contains("summarise");
    }

    @Test
    void summarizeJsonFollowsTheContract() throws Exception {
        CliRun run = CliRun.of("summarize", "--input", sample().toString(), "--by", "ProviderName", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(run.out());

        assertThat(run.code()).isZero();
        assertThat(json.get("rows").asLong()).isEqualTo(1000);
        assertThat(json.get("rejected").asLong()).isZero();
        assertThat(json.get("currency").asText()).isEqualTo("USD");
        assertThat(json.get("metric").asText()).isEqualTo("EffectiveCost");
        assertThat(json.get("groups")).hasSize(3);
        JsonNode aws = json.get("groups").get(0);
        assertThat(aws.get("key").get("ProviderName").asText()).isEqualTo("AWS");
        assertThat(aws.get("rows").asLong()).isEqualTo(942);
        assertThat(aws.get("cost").isNumber()).isTrue();
        double sum = 0;
        for (JsonNode group : json.get("groups")) {
            sum += group.get("cost").asDouble();
        }
        assertThat(json.get("total").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(json.get("dataQuality").get(0).get("column").asText()).isEqualTo("ContractedCost");
        assertThat(json.get("dataQuality").get(0).get("rowsAffected").asLong()).isEqualTo(7);
    }

    @Test
    void summarizeByDayAndServiceAsCsvAndTable() {
        CliRun csv = CliRun.of(
                "summarize",
                "--input",
                sample().toString(),
                "--by",
                "day,ServiceName",
                "--format",
                "csv",
                "--metric",
                "BilledCost");
        assertThat(csv.code()).isZero();
        assertThat(csv.out().lines().findFirst()).contains("day,ServiceName,BilledCost,rows");

        CliRun table = CliRun.of("summarize", "--input", sample().toString(), "--by", "tag:environment");
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("tag:environment").contains("Total EffectiveCost: USD");
    }

    @Test
    void badInputEndsWithOneLineAndExitCodeTwo() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "BilledCost;ServiceName\n1;x\n");
        CliRun run = CliRun.of("summarize", "--input", bad.toString());

        assertThat(run.code()).isEqualTo(CostagentCli.BAD_INPUT);
        assertThat(run.err().strip())
                .isEqualTo("costagent: " + bad
                        + ":1: wrong delimiter: the header is separated by ';', FOCUS CSV is comma-separated");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void unknownMetricAndDimensionAreClearErrors() {
        CliRun metric = CliRun.of("summarize", "--input", sample().toString(), "--metric", "Cost");
        assertThat(metric.code()).isEqualTo(CostagentCli.BAD_INPUT);
        assertThat(metric.err()).contains("unknown metric 'Cost'; expected one of EffectiveCost");

        CliRun dimension = CliRun.of("summarize", "--input", sample().toString(), "--by", "NoSuchColumn");
        assertThat(dimension.code()).isEqualTo(CostagentCli.BAD_INPUT);
        assertThat(dimension.err().strip()).isEqualTo("costagent: column NoSuchColumn is absent from the input");
    }

    @Test
    void generateIsDeterministicAndReadable() throws Exception {
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        assertThat(CliRun.of("generate", "--rows", "500", "--out", first.toString(), "--seed", "7")
                        .code())
                .isZero();
        assertThat(CliRun.of("generate", "--rows", "500", "--out", second.toString(), "--seed", "7")
                        .code())
                .isZero();
        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);

        CliRun json = CliRun.of("summarize", "--input", first.toString(), "--format", "json");
        assertThat(new ObjectMapper().readTree(json.out()).get("rows").asLong()).isEqualTo(500);
    }

    @Test
    void lenientSummarizeCountsRejects() throws Exception {
        Path file = Files.writeString(
                dir.resolve("lenient.csv"),
                String.join(
                        "\n",
                        "ChargePeriodStart,EffectiveCost,ServiceName,BillingCurrency",
                        "2024-09-01T00:00:00Z,1.5,A,USD",
                        "2024-09-01T00:00:00Z,oops,A,USD",
                        "2024-09-01T00:00:00Z,2.5,B,USD",
                        ""));
        CliRun strict = CliRun.of("summarize", "--input", file.toString());
        assertThat(strict.code()).isEqualTo(CostagentCli.BAD_INPUT);

        CliRun lenient = CliRun.of("summarize", "--input", file.toString(), "--lenient", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(lenient.out());
        assertThat(json.get("rows").asLong()).isEqualTo(2);
        assertThat(json.get("rejected").asLong()).isEqualTo(1);
        assertThat(json.get("total").asDouble()).isEqualTo(4.0);
        assertThat(json.get("rejects").get(0).get("line").asLong()).isEqualTo(3);
    }
}
