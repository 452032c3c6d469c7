package dev.costagent.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costagent.core.testing.SharedData;
import dev.costagent.examples.cli.CostagentCli;
import dev.costagent.spark.engine.TestSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code SparkMain summarize} and {@code analyze} print the CLI's JSON documents for the same flags (numbers to 1e-9
 * relative; only run id, timings and the summarize document's focusVersion, which only the default engine reads from
 * CSV headers, may differ), and bad input is a one-line error with the CLI's exit code.
 */
class SparkMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RUN_SPECIFIC = Set.of("runId", "timings", "generatedAt");

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
        assertSame(actual, expected, "$");
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
        assertSame(JSON.readTree(spark.out()), JSON.readTree(cli.out()), "$");
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

    /** Same shape, same strings, numbers within 1e-9 relative. */
    private static void assertSame(JsonNode actual, JsonNode expected, String path) {
        if (expected.isNumber()) {
            assertThat(actual.isNumber()).as(path).isTrue();
            double e = expected.asDouble();
            double a = actual.asDouble();
            assertThat(Math.abs(a - e) / Math.max(Math.abs(e), 1e-9))
                    .as("%s: %s vs %s", path, a, e)
                    .isLessThanOrEqualTo(1e-9);
        } else if (expected.isObject()) {
            assertThat(actual.isObject()).as(path).isTrue();
            assertThat(actual.size()).as("%s fields", path).isEqualTo(expected.size());
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!RUN_SPECIFIC.contains(field.getKey())) {
                    assertThat(actual.has(field.getKey()))
                            .as(path + "." + field.getKey())
                            .isTrue();
                    assertSame(actual.get(field.getKey()), field.getValue(), path + "." + field.getKey());
                }
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as("%s size", path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSame(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
