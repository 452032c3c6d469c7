package dev.costagent.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costagent.core.testing.SameJson;
import dev.costagent.core.testing.SharedData;
import dev.costagent.examples.cli.CostagentCli;
import dev.costagent.spark.engine.TestSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code SparkMain summarize} and {@code analyze} print the CLI's JSON documents for the same flags (numbers to 1e-9
 * relative; only run id, timings and the summarize document's focusVersion, which only the default engine reads from
 * CSV headers, may differ), and bad input is a one-line error with the CLI's exit code.
 */
class SparkMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int code, String out, String err) {}

    @BeforeAll
    static void session() {
        TestSpark.session(); // SparkMain joins the running session
    }

    private static Run spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CostagentCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void summarizePrintsTheClisJson() throws Exception {
        Path sample = SharedData.require("focus/focus_sample.csv");
        String[] args = {"summarize", "--input", sample.toString(), "--by", "ServiceName,month", "--format", "json"};
        Run spark = spark(args);
        Run cli = cli(args);
        assertThat(spark.code()).as(spark.err()).isZero();
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(spark.err()).contains("costagent-spark: queries");
        ObjectNode expected = (ObjectNode) JSON.readTree(cli.out());
        ObjectNode actual = (ObjectNode) JSON.readTree(spark.out());
        assertThat(actual.get("focusVersion").isNull()).isTrue();
        expected.remove("focusVersion");
        actual.remove("focusVersion");
        assertThat(actual.get("groups").size()).isPositive();
        SameJson.assertSameJson(actual, expected);
    }

    @Test
    void summarizePrintsTheClisCsvWithoutAProfile() {
        Path sample = SharedData.require("focus/focus_sample.csv");
        String[] args = {"summarize", "--input", sample.toString(), "--by", "ServiceName,month", "--format", "csv"};
        Run spark = spark(args);
        Run cli = cli(args);
        assertThat(spark.code()).as(spark.err()).isZero();
        assertThat(cli.code()).as(cli.err()).isZero();
        List<String> actual = spark.out().lines().toList();
        List<String> expected = cli.out().lines().toList();
        assertThat(actual).hasSameSizeAs(expected).hasSizeGreaterThan(2);
        assertThat(actual.get(0)).isEqualTo(expected.get(0));
        for (int i = 1; i < expected.size(); i++) {
            // key columns and row count exactly, the cost (second to last) to 1e-9 relative
            String[] got = actual.get(i).split(",", -1);
            String[] want = expected.get(i).split(",", -1);
            assertThat(got.length).isEqualTo(want.length);
            int cost = want.length - 2;
            assertThat(Arrays.copyOfRange(got, 0, cost)).isEqualTo(Arrays.copyOfRange(want, 0, cost));
            assertThat(got[cost + 1]).isEqualTo(want[cost + 1]);
            double w = Double.parseDouble(want[cost]);
            assertThat(Double.parseDouble(got[cost]))
                    .isCloseTo(w, org.assertj.core.data.Offset.offset(Math.abs(w) * 1e-9));
        }
    }

    @Test
    void analyzePrintsTheClisJson() throws Exception {
        Path sample = SharedData.require("focus/focus_sample.csv");
        String[] args = {"analyze", "--input", sample.toString(), "--format", "json", "--quiet"};
        Run spark = spark(args);
        Run cli = cli(args);
        assertThat(spark.code()).as(spark.err()).isZero();
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(spark.err()).as("quiet").doesNotContain("costagent-spark:");
        SameJson.assertSameJson(JSON.readTree(spark.out()), JSON.readTree(cli.out()));
    }

    @Test
    void badInputAndBadFlagsAreOneLineErrors() {
        Run missing = spark("summarize", "--input", "/no/such/focus.csv", "--quiet");
        assertThat(missing.code()).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(missing.err().strip())
                .startsWith("costagent-spark: ")
                .contains("/no/such/focus.csv")
                .doesNotContain("\n");
        Run flag = spark("analyze", "--no-such-flag");
        assertThat(flag.code()).isEqualTo(SparkMain.BAD_INPUT);
        assertThat(flag.err().strip()).contains("--no-such-flag").doesNotContain("\n");
    }
}
