package dev.costagent.llm.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costagent.llm.client.ErrorDetails;
import dev.costagent.llm.client.MalformedResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads and writes the JSON bodies of provider requests and answers, with one shared, thread-safe mapper. */
public final class JsonBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBodies() {}

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Serializes a request body. */
    public static byte[] write(JsonNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON Schema given as text; a clear error when it is not JSON. */
    public static JsonNode schema(String schemaJson) {
        try {
            return MAPPER.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("JSON schema is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses an answer body or stream line; malformed JSON becomes {@link MalformedResponseException}. */
    public static JsonNode parse(byte[] body, String providerName) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return requireObject(node, providerName);
        } catch (IOException e) {
            throw malformed(providerName, e);
        }
    }

    /** Parses an answer body or stream line; malformed JSON becomes {@link MalformedResponseException}. */
    public static JsonNode parse(String body, String providerName) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return requireObject(node, providerName);
        } catch (IOException e) {
            throw malformed(providerName, e);
        }
    }

    /** Parses an error body leniently: {@code null} when it is not a JSON object. */
    public static JsonNode parseLeniently(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A field's text, or {@code ""} when absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static JsonNode requireObject(JsonNode node, String providerName) {
        if (node == null || !node.isObject()) {
            throw new MalformedResponseException(
                    providerName + " answered with something other than a JSON object", ErrorDetails.NONE);
        }
        return node;
    }

    private static MalformedResponseException malformed(String providerName, IOException e) {
        String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return new MalformedResponseException(
                providerName + " answered with malformed JSON: " + reason, ErrorDetails.NONE, e);
    }
}
