package dev.costagent.llm.narrate;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.narrate.Facts;
import dev.costagent.core.narrate.Narrative;
import dev.costagent.core.narrate.NarrativeSource;
import dev.costagent.core.narrate.Narrator;
import dev.costagent.core.narrate.TemplateNarrator;
import dev.costagent.llm.client.AuthenticationException;
import dev.costagent.llm.client.LlmClient;
import dev.costagent.llm.client.LlmRequest;
import dev.costagent.llm.client.LlmResponse;
import dev.costagent.llm.client.ModelNotFoundException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Narrator} that asks a language model, and never lets a wrong number through.
 *
 * <p>For each subject it builds a {@link FactsPrompt} from the facts alone, asks the model to write every figure as a
 * slot ({@code {monthlySavings}}), and checks the answer with a {@link FactChecker}, which renders the slots from the
 * facts and accepts a literal number only when it matches a fact of the same kind and label. It returns a
 * {@link NarrativeSource#MODEL} narrative only when the answer passes; on a rejected or truncated answer, an error, a
 * timeout or any other exception it returns the fallback narrator's narrative (the {@link TemplateNarrator} by
 * default), so {@link #narrate} never throws. Safe for many threads.
 */
public final class LlmNarrator implements Narrator {

    private static final Logger LOG = LoggerFactory.getLogger(LlmNarrator.class);
    private static final int LOGGED_SUBJECT_LENGTH = 80;
    /** Finish reasons of an answer cut off by the output token limit (OpenAI, Ollama; Anthropic). */
    private static final Set<String> TRUNCATED = Set.of("length", "max_tokens", "max_output_tokens");

    private static final Narrator TEMPLATE = new TemplateNarrator();

    private final LlmClient client;
    private final String model;
    private final Narrator fallback;
    private final Duration deadline;
    private final int maxOutputTokens;
    private final double temperature;
    private final boolean redactIds;
    private final int maxStringLength;
    private final String currency;
    private final AtomicReference<String> disabledReason = new AtomicReference<>();
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
        this.currency = builder.currency;
    }

    /** A builder for a narrator that asks {@code client}. */
    public static Builder builder(LlmClient client) {
        return new Builder(client);
    }

    @Override
    public Narrative narrate(Facts facts) {
        if (disabledReason.get() != null) {
            failedCount.increment();
            return fallback(facts);
        }
        try {
            return narrateOrThrow(facts);
        } catch (ModelNotFoundException | AuthenticationException e) {
            // Every later call would fail the same way: say so once, loudly, and stop calling.
            failedCount.increment();
            if (disabledReason.compareAndSet(null, UntrustedText.clean(String.valueOf(e.getMessage()), 400))) {
                LOG.error("model narratives disabled for this run, using templates: {}", disabledReason.get());
            }
            return fallback(facts);
        } catch (RuntimeException e) {
            // Provider trouble, a bug in a listener or in the checks: never fail the run for one narrative.
            failedCount.increment();
            LOG.warn(
                    "model narrative for '{}' failed, using the template: {}",
                    loggable(facts),
                    UntrustedText.clean(String.valueOf(e.getMessage()), 300));
            return fallback(facts);
        }
    }

    private Narrative narrateOrThrow(Facts facts) {
        IdRedactor redactor = redactIds ? new IdRedactor() : null;
        FactsPrompt prompt = FactsPrompt.of(facts, maxStringLength, redactor);
        LlmResponse response = client.complete(LlmRequest.builder()
                .model(model)
                .systemPrompt(prompt.systemPrompt())
                .user(prompt.userMessage())
                .temperature(temperature)
                .maxTokens(maxOutputTokens)
                .timeout(deadline)
                .build());
        String problem;
        FactChecker.Verdict verdict = null;
        if (TRUNCATED.contains(response.finishReason())) {
            problem = "answer cut off by the token limit (finish reason " + response.finishReason() + ")";
        } else {
            verdict =
                    new FactChecker(new FactSheet(prompt.facts(), currency), prompt.fenceTag()).check(response.text());
            problem = verdict.problem();
        }
        if (problem == null && redactor != null) {
            String unknown = redactor.unknownPlaceholder(verdict.text());
            if (unknown != null) {
                problem = "id placeholder '" + unknown + "' is not one of the facts";
            }
        }
        if (problem != null) {
            rejectedCount.increment();
            LOG.warn(
                    "model narrative for '{}' rejected, using the template: {}",
                    loggable(facts),
                    UntrustedText.clean(problem, 200));
            return fallback(facts);
        }
        modelCount.increment();
        String text = verdict.text();
        return new Narrative(facts.subject(), redactor == null ? text : redactor.restore(text), NarrativeSource.MODEL);
    }

    private Narrative fallback(Facts facts) {
        try {
            return fallback.narrate(facts);
        } catch (RuntimeException e) {
            LOG.warn("fallback narrator failed for '{}', using the template: {}", loggable(facts), e.toString());
            return TEMPLATE.narrate(facts);
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

    /**
     * Why this narrator stopped calling the model (the model does not exist, the key is refused), or empty while it
     * still calls. The CLI prints it once on stderr.
     */
    public Optional<String> disabledReason() {
        return Optional.ofNullable(disabledReason.get());
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
        private String currency;

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

        /**
         * The billing currency (ISO code such as {@code USD}) for facts that do not carry a {@code currency} fact;
         * default unknown, in which case money is rendered without a symbol and a literal amount with a currency is
         * refused.
         */
        public Builder currency(String value) {
            if (value != null && !value.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException(
                        "currency must be an ISO 4217 code such as USD, was '" + value + "'");
            }
            this.currency = value;
            return this;
        }

        /** Builds the narrator. */
        public LlmNarrator build() {
            return new LlmNarrator(this);
        }
    }
}
