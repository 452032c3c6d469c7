package dev.costagent.llm.client;

import static java.util.Objects.requireNonNull;

/**
 * Asks the model to answer with JSON that matches a schema (OpenAI {@code response_format}, Ollama {@code format};
 * Anthropic receives the schema as an instruction).
 *
 * @param name a short identifier for the schema, e.g. {@code narrative}
 * @param schemaJson the JSON Schema, as JSON text
 */
public record JsonSchemaFormat(String name, String schemaJson) {

    /** Checks the parts. */
    public JsonSchemaFormat {
        requireNonNull(name, "name");
        requireNonNull(schemaJson, "schemaJson");
    }
}
