package dev.costagent.core.focus.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the FOCUS Tags column: a JSON object whose values are strings, numbers, booleans or null
 * ({@code {"env": "prod", "cost-center": 42}}), or the Azure export form without the outer braces
 * ({@code "env": "prod", "team": "data"}). Values are kept as text; a JSON null stays {@code null}.
 */
public final class TagsParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TagsParser() {}

    /**
     * The tags in {@code text}.
     *
     * @throws IllegalArgumentException with a short reason when the text is not a tags object
     */
    public static Map<String, String> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return Map.of();
        }
        String json = trimmed.startsWith("{") ? trimmed : "{" + trimmed + "}";
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Tags is not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("Tags is not a JSON object");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                tags.put(field.getKey(), null);
            } else if (value.isValueNode()) {
                tags.put(field.getKey(), value.asText());
            } else {
                throw new IllegalArgumentException(
                        "tag '" + field.getKey() + "' has a nested " + (value.isArray() ? "array" : "object")
                                + "; tag values are strings, numbers, booleans or null");
            }
        }
        return Collections.unmodifiableMap(tags);
    }

    /** The tags as the JSON object a Tags cell holds ({@link #parse} reads it back to the same map). */
    public static String format(Map<String, String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags cannot be written as JSON", e);
        }
    }
}
