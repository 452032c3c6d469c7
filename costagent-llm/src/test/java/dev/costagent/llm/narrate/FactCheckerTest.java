package dev.costagent.llm.narrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.narrate.Facts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which figures a narrative may contain, under which words, and how slots render. */
class FactCheckerTest {

    static Facts anomaly() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("date", "2024-09-18");
        values.put("actual", 120.0);
        values.put("expected", 554.56);
        values.put("impact", -434.56);
        values.put("severity", "HIGH");
        values.put("topRootCause", "ResourceId=i-0abc123def4567890");
        values.put("topRootCauseContribution", -401.2);
        values.put("tags", Map.of("costCenter", "cc-7300"));
        values.put("zScore", -4.2);
        values.put("topServices", List.of("EC2", "S3", "RDS"));
        return new Facts("anomaly:ServiceName=Amazon EC2@2024-09-18", "anomaly", values);
    }

    static Facts recommendation() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", "RIGHTSIZE");
        values.put("resourceId", "i-0abc123def4567890");
        values.put("action", "Rightsize i-0abc123def4567890 from m5.2xlarge to m5.xlarge");
        values.put("monthlySavings", 1416.09);
        values.put("annualSavings", 16993.08);
        values.put("confidence", 0.3);
        values.put("risk", "MEDIUM");
        return new Facts("recommendation:rec-0012", "recommendation", values);
    }

    static Facts summary(String currency) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("rows", 48210);
        values.put("currency", currency);
        values.put("firstDay", "2024-09-01");
        values.put("lastDay", "2024-09-30");
        values.put("totalCost", 91234.56);
        values.put("recommendations", 12);
        values.put("quickWins", 4);
        values.put("monthlySavings", 600.0);
        values.put("annualSavings", 7200.0);
        return new Facts("summary", "summary", values);
    }

    static FactChecker checker(Facts facts, String currency) {
        FactsPrompt prompt = FactsPrompt.of(facts, 200, null);
        return new FactChecker(new FactSheet(prompt.facts(), currency), prompt.fenceTag());
    }

    private static FactChecker.Verdict anomalyCheck(String text) {
        return checker(anomaly(), "USD").check(text);
    }

    private static FactChecker.Verdict recommendationCheck(String text) {
        return checker(recommendation(), "USD").check(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "On 2024-09-18 Amazon EC2 cost $120.00 against $554.56 expected, a $434.56 drop.",
                "Spend fell to $120 on September 18, 2024, below the usual $554.56.",
                "Actual spend was $120, lower than the expected $554.56 by $434.56.",
                "The drop came mostly from ResourceId=i-0abc123def4567890, with a z-score of 4.2.",
                "Cost center cc-7300 and 3 services were involved.",
                "No numbers at all.",
                "Costs dropped by $434.56 in 2024."
            })
    void acceptsFiguresWithTheirLabels(String text) {
        assertThat(anomalyCheck(text).problem()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Spend rose to $554.56 against $120.00 expected.",
                "Costs saw a $434.56 increase.",
                "The anomaly on 2024-09-18 cost $2,024.",
                "Resource i-0abc123def4567890 cost $4,567,890.",
                "Cost center cc-7300 spent $7,300.",
                "Costs fell 3x below normal.",
                "Costs fell by four hundred dollars.",
                "It happened on 2024-09-19.",
                "Spend was $120 a month.",
                "Spend was 120 euros.",
                "Spend was $120.00 against {expected} a month.",
                "Spend was {impactX}.",
                "Costs saw a {impact} increase.",
                ""
            })
    void refusesMislabelledOrInventedFigures(String text) {
        assertThat(anomalyCheck(text).problem()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "This would save $16,993.08 per month.",
                "This would save $1,416.09 a year.",
                "There is a 30% risk.",
                "It saves $1k a month.",
                "It saves 5000USD a month.",
                "It saves $1.4k a month.",
                "It is the 2nd of 3 steps.",
                "It saves $.9M a year."
            })
    void refusesRecommendationLies(String text) {
        assertThat(recommendationCheck(text).problem()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Rightsize i-0abc123def4567890 from m5.2xlarge to m5.xlarge to save $1,416.09 a month and $16,993 a year.",
                "Monthly savings are $1,416 and annual savings $17,000, with 30% confidence and MEDIUM risk.",
                "It saves 1416.09USD a month, $17k a year.",
                "It saves ＄１，４１６．０９ a month.",
                "It saves $١٬٤١٦ a month.",
                "{action} saves {monthlySavings} a month, {annualSavings} a year, with {confidence} confidence."
            })
    void acceptsFaithfulRecommendations(String text) {
        assertThat(recommendationCheck(text).problem()).isNull();
    }

    @Test
    void rendersSlotsFromTheFactsWithUnitAndCurrency() {
        FactChecker.Verdict verdict = recommendationCheck(
                "{action} saves {monthlySavings} a month, {annualSavings} a year ({confidence} confidence).");

        assertThat(verdict.text())
                .isEqualTo("Rightsize i-0abc123def4567890 from m5.2xlarge to m5.xlarge saves"
                        + " $1,416.09 a month, $16,993.08 a year (30% confidence).");
    }

    @Test
    void rendersAChangeWithItsSignUnlessTheWordsSayTheDirection() {
        assertThat(anomalyCheck("The impact was {impact}.").text()).isEqualTo("The impact was -$434.56.");
        assertThat(anomalyCheck("Costs saw a {impact} drop.").text()).isEqualTo("Costs saw a $434.56 drop.");
    }

    @Test
    void refusesASlotUnderTheWrongPeriod() {
        assertThat(recommendationCheck("It saves {annualSavings} a month.").problem())
                .contains("wrong label");
        assertThat(recommendationCheck("There is a {confidence} risk.").problem())
                .contains("wrong label");
    }

    @Test
    void refusesADollarOnAEuroBill() {
        FactChecker euro = checker(summary("EUR"), null);

        assertThat(euro.check("The bill came to $91,234.56.").problem()).contains("EUR");
        assertThat(euro.check("The bill came to €91,234.56 over 48,210 rows.").problem())
                .isNull();
        assertThat(euro.check("The bill came to {totalCost}.").text()).isEqualTo("The bill came to €91,234.56.");
    }

    @Test
    void refusesMoneyWhenTheCurrencyIsUnknown() {
        assertThat(checker(anomaly(), null).check("Spend was $120.").problem()).contains("currency");
        assertThat(checker(anomaly(), null).check("Spend was {actual}.").text()).isEqualTo("Spend was 120.00.");
    }

    @Test
    void stripsInvisibleCharactersBeforeChecking() {
        // A zero-width space and a Unicode tag character must not split or hide a figure.
        assertThat(recommendationCheck("It saves $16,\u200B993.08 a month.").problem())
                .isNotNull();
        assertThat(recommendationCheck("It saves $1,416.09\uDB40\uDC41 a month.")
                        .text())
                .isEqualTo("It saves $1,416.09 a month.");
    }

    @Test
    void namesTheOffendingFigure() {
        assertThat(recommendationCheck("This would save $16,993.08 per month.").problem())
                .contains("$16,993.08")
                .contains("money");
    }

    @Test
    void refusesAnAnswerThatEchoesTheFence() {
        assertThat(anomalyCheck("<facts-abc> nothing").problem()).isNotNull();
    }
}
