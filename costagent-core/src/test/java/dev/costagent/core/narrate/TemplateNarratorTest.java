package dev.costagent.core.narrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template narrator: sentences per topic, only facts' numbers, deterministic. */
class TemplateNarratorTest {

    private final TemplateNarrator narrator = new TemplateNarrator();

    @Test
    void summaryReadsAsSentences() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("rows", 19361L);
        values.put("currency", "USD");
        values.put("firstDay", "2024-09-01");
        values.put("lastDay", "2024-09-30");
        values.put("totalCost", 3467.004);
        values.put("totalMetric", "EffectiveCost");
        values.put("totalScope", "all charge categories");
        values.put("recommendations", 11);
        values.put("quickWins", 5);
        values.put("monthlySavings", 1498.486);
        values.put("annualSavings", 17981.88);

        Narrative narrative = narrator.narrate(new Facts("summary", "summary", values));

        assertThat(narrative.source()).isEqualTo(NarrativeSource.TEMPLATE);
        assertThat(narrative.text())
                .isEqualTo("From 2024-09-01 to 2024-09-30, 19361 billing rows cost 3467 USD"
                        + " (EffectiveCost, all charge categories)."
                        + " 11 recommendations (5 quick wins) would save 1498.49 USD a month, 17981.88 USD a year.");
        assertThat(narrator.narrate(new Facts("summary", "summary", values))).isEqualTo(narrative);
    }

    @Test
    void dropsSentencesWhoseFactsAreMissingAndFallsBackForUnknownTopics() {
        Narrative anomaly = narrator.narrate(new Facts(
                "anomaly:x",
                "anomaly",
                Map.of(
                        "day",
                        "2024-09-19",
                        "currency",
                        "EUR",
                        "actual",
                        18.5,
                        "expected",
                        9.64,
                        "kind",
                        "rise",
                        "impact",
                        8.86,
                        "severity",
                        "HIGH")));
        assertThat(anomaly.text())
                .isEqualTo(
                        "On 2024-09-19 the cost was 18.5 EUR against 9.64 EUR expected: a rise of 8.86 EUR (HIGH severity).");

        Narrative other = narrator.narrate(new Facts("s", "budget", Map.of("limitUsd", 100.0)));
        assertThat(other.text()).isEqualTo("Budget for s: limit usd 100.");
    }
}
