package dev.costagent.core.focus.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming Tags parser reads every tags value exactly as a Jackson JSON tree does, and rejects what it rejects. */
class TagsParserTest {

    private static final ObjectMapper TREE = new ObjectMapper();

    /** The tags a JSON tree reads, or null when it does not read an object of value nodes. */
    private static Map<String, String> byTree(String text) {
        try {
            var node = TREE.readTree(text.strip().startsWith("{") ? text.strip() : "{" + text.strip() + "}");
            if (node == null || !node.isObject()) {
                return null;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = node.fields();
                    it.hasNext(); ) {
                var field = it.next();
                if (!field.getValue().isValueNode()) {
                    return null;
                }
                tags.put(
                        field.getKey(),
                        field.getValue().isNull() ? null : field.getValue().asText());
            }
            return tags;
        } catch (Exception e) {
            return null;
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"env\": \"prod\", \"cost-center\": 42}",
                "\"env\": \"prod\", \"team\": \"data\"",
                "{\"a\": 1.50, \"b\": -0, \"c\": 1e3, \"d\": true, \"e\": null, \"f\": 123456789012345678901234}",
                "{\"a\": \"x\", \"a\": \"y\"}",
                "{\"k\": \"caf\\u00e9 \\\"q\\\"\"}",
                "{}",
                "  {\"a\":\"b\"}  "
            })
    void readsAsAJsonTreeDoes(String text) {
        assertThat(TagsParser.parse(text)).isEqualTo(byTree(text)).isNotNull();
        assertThat(TagsParser.parse(TagsParser.format(TagsParser.parse(text)))).isEqualTo(TagsParser.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not tags", "{\"a\": [1]}", "{\"a\": {\"b\": \"c\"}}", "[1, 2]", "{\"a\": ", "{a: 1}"})
    void rejectsWhatAJsonTreeRejects(String text) {
        assertThat(byTree(text)).isNull();
        assertThatThrownBy(() -> TagsParser.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        text.contains("[1]") || text.contains("{\"b\"") ? "tag 'a' has a nested" : "Tags");
    }
}
