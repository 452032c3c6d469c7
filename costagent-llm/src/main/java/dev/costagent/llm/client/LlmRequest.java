package dev.costagent.llm.client;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One chat request, independent of the provider.
 *
 * @param model the model name, e.g. {@code gpt-4o-mini}
 * @param systemPrompt instructions for the model; empty for none
 * @param messages the conversation, at least one message
 * @param temperature sampling temperature, 0 for the most deterministic answers
 * @param maxTokens the most tokens the model may generate
 * @param jsonSchema the JSON answer format, or {@code null} for free text
 * @param timeout the overall time budget of the call, retries included
 */
public record LlmRequest(
        String model,
        String systemPrompt,
        List<Message> messages,
        double temperature,
        int maxTokens,
        JsonSchemaFormat jsonSchema,
        Duration timeout) {

    /** Checks the parts and copies the messages. */
    public LlmRequest {
        requireNonNull(model, "model");
        requireNonNull(systemPrompt, "systemPrompt");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one message");
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be within 0..2, was " + temperature);
        }
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
        }
        requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** A builder with temperature 0, 512 output tokens and a 30 second timeout. */
    public static Builder builder() {
        return new Builder();
    }

    /** The same request with another time budget (used by retries to pass on what is left). */
    public LlmRequest withTimeout(Duration newTimeout) {
        return new LlmRequest(model, systemPrompt, messages, temperature, maxTokens, jsonSchema, newTimeout);
    }

    /** A rough size of the prompt in tokens (four characters a token), for client-side rate limiting. */
    public long estimatedInputTokens() {
        long chars = systemPrompt.length();
        for (Message message : messages) {
            chars += message.content().length();
        }
        return chars / 4 + 1;
    }

    /** Builds an {@link LlmRequest}. */
    public static final class Builder {
        private String model;
        private String systemPrompt = "";
        private final List<Message> messages = new ArrayList<>();
        private double temperature = 0;
        private int maxTokens = 512;
        private JsonSchemaFormat jsonSchema;
        private Duration timeout = Duration.ofSeconds(30);

        private Builder() {}

        /** The model name. */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /** The system prompt. */
        public Builder systemPrompt(String value) {
            this.systemPrompt = value;
            return this;
        }

        /** Appends a user message. */
        public Builder user(String content) {
            messages.add(Message.user(content));
            return this;
        }

        /** Appends a message. */
        public Builder message(Message message) {
            messages.add(message);
            return this;
        }

        /** The sampling temperature. */
        public Builder temperature(double value) {
            this.temperature = value;
            return this;
        }

        /** The output token limit. */
        public Builder maxTokens(int value) {
            this.maxTokens = value;
            return this;
        }

        /** Asks for JSON matching a schema. */
        public Builder jsonSchema(JsonSchemaFormat value) {
            this.jsonSchema = value;
            return this;
        }

        /** The overall time budget. */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /** Builds the request. */
        public LlmRequest build() {
            return new LlmRequest(model, systemPrompt, messages, temperature, maxTokens, jsonSchema, timeout);
        }
    }
}
