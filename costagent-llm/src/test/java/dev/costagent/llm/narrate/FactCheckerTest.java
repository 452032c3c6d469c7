package dev.costagent.llm.narrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.narrate.Facts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which numbers a narrative may contain. */
class FactCheckerTest {

    private static FactChecker checker() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("service", "Amazon EC2");
        values.put("actualCost", 1234.56);
        values.put("expectedCost", 800.0);
        values.put("changeRatio", 0.5432);
        values.put("zScore", -4.2);
        values.put("topServices", List.of("EC2", "S3", "RDS"));
        values.put("resource", "vol-gp3-data-0042");
        FactsPrompt prompt = FactsPrompt.of(new Facts("anomaly:ServiceName=Amazon EC2@2024-09-18", "anomaly", values),
                200, null);
        return new FactChecker(prompt.facts(), prompt.fenceTag());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Amazon EC2 cost $1,234.56 on 2024-09-18, against an expected $800.",
        "Spend was about $1,235, 54.3% above the expected 800 dollars.",
        "EC2 rose to $1.2k, a z-score of 4.2.",
        "The ratio was 0.54 and 3 services led the bill.",
        "Volume vol-gp3-data-0042 is involved; 0042 is its suffix.",
        "Costs rose 54% on September 18, 2024.",
        "No numbers at all."
    })
    void acceptsNumbersThatAreFacts(String text) {
        assertThat(checker().problem(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Amazon EC2 cost $1,500 on 2024-09-18.",
        "Spend rose 99% overnight.",
        "The bill was $1,240.",
        "Expect $2.5M next month.",
        "A z-score of 4.3.",
        "That is 12 times normal.",
        ""
    })
    void rejectsInventedOrMisroundedNumbers(String text) {
        assertThat(checker().problem(text)).isPresent();
    }

    @Test
    void namesTheOffendingNumber() {
        assertThat(checker().problem("Costs fell by 99% today.")).hasValueSatisfying(
                problem -> assertThat(problem).contains("99%"));
    }

    @Test
    void rejectsAnAnswerThatEchoesTheFence() {
        FactChecker checker = checker();
        assertThat(checker.problem("<facts-abc> nothing")).isPresent();
    }
}
