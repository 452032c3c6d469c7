package dev.costagent.core.focus.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the FOCUS Tags column: a JSON object whose values are strings, numbers, booleans or null
 * ({@code {"env": "prod", "cost-center": 42}}), or the Azure export form without the outer braces
 * ({@code "env": "prod", "team": "data"}). Values are kept as text; a JSON null stays {@code null}.
 */
public final class TagsParser {

    /** Jackson's streaming parser only: the data-binding layer costs a command hundreds of classes at start-up. */
    private static final JsonFactory JSON = new JsonFactory();

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
        Map<String, String> tags = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("Tags is not a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (value) {
                    case VALUE_NULL -> tags.put(key, null);
                    case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> tags.put(key, parser.getText());
                    // As a JSON tree reads numbers: integers as written, decimals as the nearest double.
                    case VALUE_NUMBER_INT ->
                        tags.put(key, parser.getNumberValue().toString());
                    case VALUE_NUMBER_FLOAT -> tags.put(key, Double.toString(parser.getDoubleValue()));
                    default ->
                        throw new IllegalArgumentException("tag '" + key + "' has a nested "
                                + (value == JsonToken.START_ARRAY ? "array" : "object")
                                + "; tag values are strings, numbers, booleans or null");
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Tags is not a JSON object: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("Tags is not a JSON object: " + e.getMessage());
        }
        return Collections.unmodifiableMap(tags);
    }

    /** The tags as the JSON object a Tags cell holds ({@link #parse} reads it back to the same map). */
    public static String format(Map<String, String> tags) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartObject();
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                generator.writeStringField(tag.getKey(), tag.getValue());
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("tags cannot be written as JSON", e);
        }
        return out.toString();
    }
}
