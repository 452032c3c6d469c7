package dev.costagent.llm.narrate;

import static dev.costagent.llm.testing.Wire.anthropicMessage;
import static dev.costagent.llm.testing.Wire.openAiCompletion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.narrate.Facts;
import dev.costagent.core.narrate.Narrative;
import dev.costagent.core.narrate.NarrativeSource;
import dev.costagent.core.narrate.TemplateNarrator;
import dev.costagent.llm.client.ApiKey;
import dev.costagent.llm.client.LlmClient;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.TokenListener;
import dev.costagent.llm.provider.anthropic.AnthropicClient;
import dev.costagent.llm.provider.openai.OpenAiClient;
import dev.costagent.llm.testing.ScriptedServer;
import dev.costagent.llm.testing.ScriptedServer.Reply;
import dev.costagent.llm.transport.Endpoint;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each lie of issue 17, answered by a local OpenAI-compatible server on 127.0.0.1: none reaches the narrative as the
 * model's words; the template narrative stands in. Faithful answers with the right labels are kept.
 */
class NarratorLiesTest {

    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmNarrator narrator() {
        return LlmNarrator.builder(new OpenAiClient(Endpoint.of(server.url("/v1"), ApiKey.of("sk-lies"))))
                .model("gpt-4o-mini")
                .currency("USD")
                .build();
    }

    static Stream<Arguments> lies() {
        Facts recommendation = FactCheckerTest.recommendation();
        Facts anomaly = FactCheckerTest.anomaly();
        Facts euroSummary = FactCheckerTest.summary("EUR");
        return Stream.of(
                Arguments.of("annual as monthly", recommendation, "This would save $16,993.08 per month."),
                Arguments.of("monthly as annual", recommendation, "This would save $1,416.09 a year."),
                Arguments.of("annual slot as monthly", recommendation, "This would save {annualSavings} per month."),
                Arguments.of(
                        "actual and expected swapped",
                        anomaly,
                        "Spend was $554.56 against an expected $120.00, a $434.56 increase."),
                Arguments.of("increase for a drop", anomaly, "Costs saw a $434.56 increase on 2024-09-18."),
                Arguments.of("date digits as dollars", anomaly, "The anomaly of 2024-09-18 cost $2,024."),
                Arguments.of(
                        "id digits as dollars",
                        recommendation,
                        "Resource i-0abc123def4567890 would save $4,567,890 a month."),
                Arguments.of("tag value as dollars", anomaly, "Cost center cc-7300 overspent by $7,300."),
                Arguments.of("1k for 600", euroSummary, "Savings reach €1k a month."),
                Arguments.of("confidence as risk", recommendation, "There is a 30% risk."),
                Arguments.of("5000USD", recommendation, "It saves 5000USD a month."),
                Arguments.of("numbers in words", recommendation, "It saves fourteen hundred dollars a month."),
                Arguments.of("dollars on a euro bill", euroSummary, "The bill came to $91,234.56."),
                Arguments.of("multiplier", anomaly, "Spend was 4.6x below the expected $554.56."),
                Arguments.of("invented slot", recommendation, "It saves {weeklySavings} a week."),
                Arguments.of("hidden characters", recommendation, "It saves $16,993.\u200B08 a month."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lies")
    void noLieReachesTheNarrative(String lie, Facts facts, String answer) {
        server.enqueue(Reply.json(200, openAiCompletion(answer)));
        LlmNarrator narrator = narrator();

        Narrative narrative = narrator.narrate(facts);

        assertThat(narrative.source()).isEqualTo(NarrativeSource.TEMPLATE);
        assertThat(narrative).isEqualTo(new TemplateNarrator().narrate(facts));
        assertThat(narrator.statistics().rejected()).isEqualTo(1);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anAnswerCutOffByTheTokenLimitIsRefused() {
        server.enqueue(Reply.json(200, openAiCompletion("It saves {monthlySavings} a month and", "length")));
        LlmNarrator narrator = narrator();

        assertThat(narrator.narrate(FactCheckerTest.recommendation()).source()).isEqualTo(NarrativeSource.TEMPLATE);
        assertThat(narrator.statistics().rejected()).isEqualTo(1);
    }

    @Test
    void anAnthropicAnswerThatHitMaxTokensIsRefused() {
        server.enqueue(Reply.json(
                200, anthropicMessage("It saves {monthlySavings} a month").replace("\"end_turn\"", "\"max_tokens\"")));
        LlmNarrator narrator = LlmNarrator.builder(
                        new AnthropicClient(Endpoint.of(server.url(""), ApiKey.of("sk-ant-lies"))))
                .model("claude-haiku-4-5")
                .currency("USD")
                .build();

        assertThat(narrator.narrate(FactCheckerTest.recommendation()).source()).isEqualTo(NarrativeSource.TEMPLATE);
        assertThat(narrator.statistics().rejected()).isEqualTo(1);
    }

    @Test
    void anyExceptionWhileNarratingFallsBackAndNeverFailsTheRun() {
        LlmClient broken = new LlmClient() {
            @Override
            public LlmResponse complete(LlmRequest request) {
                throw new NullPointerException("a bug somewhere below the narrator");
            }

            @Override
            public LlmResponse stream(LlmRequest request, TokenListener listener) {
                return complete(request);
            }

            @Override
            public String name() {
                return "broken";
            }
        };
        LlmNarrator narrator = LlmNarrator.builder(broken).model("m").build();
        Facts facts = FactCheckerTest.anomaly();

        assertThat(narrator.narrate(facts)).isEqualTo(new TemplateNarrator().narrate(facts));
        assertThat(narrator.statistics().failed()).isEqualTo(1);
    }

    @Test
    void aFaithfulAnswerWithSlotsIsRenderedFromTheFacts() {
        server.enqueue(Reply.json(
                200,
                openAiCompletion(
                        "{action} would save {monthlySavings} a month, {annualSavings} a year, with {confidence} confidence"
                                + " and {risk} risk.")));
        LlmNarrator narrator = narrator();

        Narrative narrative = narrator.narrate(FactCheckerTest.recommendation());

        assertThat(narrative.source()).isEqualTo(NarrativeSource.MODEL);
        assertThat(narrative.text())
                .isEqualTo("Rightsize i-0abc123def4567890 from m5.2xlarge to m5.xlarge would save"
                        + " $1,416.09 a month, $16,993.08 a year, with 30% confidence and MEDIUM risk.");
    }

    @Test
    void aFaithfulAnswerWithLiteralFiguresAndCorrectLabelsIsKept() {
        String text = "On 2024-09-18 spend fell to $120.00 against an expected $554.56, a $434.56 drop led by"
                + " ResourceId=i-0abc123def4567890.";
        server.enqueue(Reply.json(200, openAiCompletion(text)));

        Narrative narrative = narrator().narrate(FactCheckerTest.anomaly());

        assertThat(narrative.source()).isEqualTo(NarrativeSource.MODEL);
        assertThat(narrative.text()).isEqualTo(text);
    }

    @Test
    void theEuroBillKeepsItsCurrency() {
        server.enqueue(Reply.json(
                200,
                openAiCompletion(
                        "From {firstDay} to {lastDay} the bill came to {totalCost};" + " savings are €600 a month.")));

        Narrative narrative = narrator().narrate(FactCheckerTest.summary("EUR"));

        assertThat(narrative.source()).isEqualTo(NarrativeSource.MODEL);
        assertThat(narrative.text())
                .isEqualTo("From 2024-09-01 to 2024-09-30 the bill came to €91,234.56;" + " savings are €600 a month.");
    }
}
