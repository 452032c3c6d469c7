package dev.costagent.llm.narrate;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.narrate.Facts;
import dev.costagent.core.narrate.Narrative;
import dev.costagent.core.narrate.NarrativeSource;
import dev.costagent.core.narrate.Narrator;
import dev.costagent.core.narrate.TemplateNarrator;
import dev.costagent.llm.client.LlmClient;
import dev.costagent.llm.client.LlmException;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Narrator} that asks a language model, and never lets a wrong number through.
 *
 * <p>For each subject it builds a {@link FactsPrompt} from the facts alone, sends it with a per-narration deadline,
 * and checks the answer with a {@link FactChecker}. It returns a {@link NarrativeSource#MODEL} narrative only when the
 * answer passes; on a rejected answer, an error or a timeout it returns the fallback narrator's narrative (the
 * {@link TemplateNarrator} by default), so {@link #narrate} never throws for provider trouble. Safe for many threads.
 */
public final class LlmNarrator implements Narrator {

    private static final Logger LOG = LoggerFactory.getLogger(LlmNarrator.class);
    private static final int LOGGED_SUBJECT_LENGTH = 80;

    private final LlmClient client;
    private final String model;
    private final Narrator fallback;
    private final Duration deadline;
    private final int maxOutputTokens;
    private final double temperature;
    private final boolean redactIds;
    private final int maxStringLength;
    private final LongAdder modelCount = new LongAdder();
    private final LongAdder rejectedCount = new LongAdder();
    private final LongAdder failedCount = new LongAdder();

    private LlmNarrator(Builder builder) {
        this.client = builder.client;
        this.model = requireNonNull(builder.model, "model");
        this.fallback = builder.fallback;
        this.deadline = builder.deadline;
        this.maxOutputTokens = builder.maxOutputTokens;
        this.temperature = builder.temperature;
        this.redactIds = builder.redactIds;
        this.maxStringLength = builder.maxStringLength;
    }

    /** A builder for a narrator that asks {@code client}. */
    public static Builder builder(LlmClient client) {
        return new Builder(client);
    }

    @Override
    public Narrative narrate(Facts facts) {
        IdRedactor redactor = redactIds ? new IdRedactor() : null;
        try {
            FactsPrompt prompt = FactsPrompt.of(facts, maxStringLength, redactor);
            LlmResponse response = client.complete(LlmRequest.builder()
                    .model(model)
                    .systemPrompt(prompt.systemPrompt())
                    .user(prompt.userMessage())
                    .temperature(temperature)
                    .maxTokens(maxOutputTokens)
                    .timeout(deadline)
                    .build());
            String text = response.text().strip();
            Optional<String> problem = new FactChecker(prompt.facts(), prompt.fenceTag()).problem(text);
            String unknown = problem.isEmpty() && redactor != null ? redactor.unknownPlaceholder(text) : null;
            if (unknown != null) {
                problem = Optional.of("id placeholder '" + unknown + "' is not one of the facts");
            }
            if (problem.isPresent()) {
                rejectedCount.increment();
                LOG.warn("model narrative for '{}' rejected, using the template: {}", loggable(facts),
                        UntrustedText.clean(problem.get(), 200));
                return fallback.narrate(facts);
            }
            modelCount.increment();
            return new Narrative(facts.subject(), redactor == null ? text : redactor.restore(text),
                    NarrativeSource.MODEL);
        } catch (LlmException | IllegalArgumentException | IllegalStateException e) {
            failedCount.increment();
            LOG.warn("model narrative for '{}' failed, using the template: {}", loggable(facts), e.getMessage());
            return fallback.narrate(facts);
        }
    }

    @Override
    public String name() {
        return client.name() + ":" + model;
    }

    /** A model answers over the network, so a run narrates its subjects at once. */
    @Override
    public boolean waitsOnIo() {
        return true;
    }

    /** Counts of model-written, rejected and failed narrations so far. */
    public NarrationStatistics statistics() {
        return new NarrationStatistics(modelCount.sum(), rejectedCount.sum(), failedCount.sum());
    }

    private static String loggable(Facts facts) {
        return UntrustedText.clean(facts.subject(), LOGGED_SUBJECT_LENGTH);
    }

    /** Configures an {@link LlmNarrator}. */
    public static final class Builder {
        private final LlmClient client;
        private String model;
        private Narrator fallback = new TemplateNarrator();
        private Duration deadline = Duration.ofSeconds(20);
        private int maxOutputTokens = 300;
        private double temperature = 0;
        private boolean redactIds;
        private int maxStringLength = 200;

        private Builder(LlmClient client) {
            this.client = requireNonNull(client, "client");
        }

        /** The model to ask (required). */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /** The narrator used when the model's answer is rejected or missing; default the template narrator. */
        public Builder fallback(Narrator value) {
            this.fallback = requireNonNull(value, "fallback");
            return this;
        }

        /** The time budget of one narration, retries included; default 20 s. */
        public Builder deadline(Duration value) {
            this.deadline = requireNonNull(value, "deadline");
            return this;
        }

        /** The output token limit; default 300. */
        public Builder maxOutputTokens(int value) {
            this.maxOutputTokens = value;
            return this;
        }

        /** The sampling temperature; default 0. */
        public Builder temperature(double value) {
            this.temperature = value;
            return this;
        }

        /** Whether to replace account and resource ids by placeholders in prompts; default off. */
        public Builder redactIds(boolean value) {
            this.redactIds = value;
            return this;
        }

        /** The cap on each untrusted string sent to the model; default 200 characters. */
        public Builder maxStringLength(int value) {
            if (value < 8) {
                throw new IllegalArgumentException("maxStringLength must be at least 8, was " + value);
            }
            this.maxStringLength = value;
            return this;
        }

        /** Builds the narrator. */
        public LlmNarrator build() {
            return new LlmNarrator(this);
        }
    }
}
