package dev.costagent.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cross-engine comparison of two JSON documents (reports, summaries): the same fields in the same order, the
 * same strings, numbers within 1e-9 relative (money summed in another order differs in the last bits), fields
 * named in {@code ignored} (a run's id and timings) skipped at any depth. A mismatch names its JSON path.
 */
public final class SameJson {

    /** The tolerance on numbers, relative. */
    public static final double RELATIVE_TOLERANCE = 1e-9;

    /** The fields a run makes its own and every comparison of two runs skips. */
    public static final Set<String> RUN_SPECIFIC = Set.of("runId", "timings", "generatedAt");

    private SameJson() {}

    /** Asserts that {@code actual} is {@code expected} as above, skipping {@link #RUN_SPECIFIC} fields. */
    public static void assertSameJson(JsonNode actual, JsonNode expected) {
        assertSameJson(actual, expected, RUN_SPECIFIC);
    }

    /** Asserts that {@code actual} is {@code expected} as above, skipping the {@code ignored} fields. */
    public static void assertSameJson(JsonNode actual, JsonNode expected, Set<String> ignored) {
        compare(actual, expected, ignored, "$");
    }

    private static void compare(JsonNode actual, JsonNode expected, Set<String> ignored, String path) {
        assertThat(actual).as("%s is missing", path).isNotNull();
        if (expected.isNumber()) {
            assertThat(actual.isNumber()).as("%s is a number", path).isTrue();
            double e = expected.asDouble();
            double a = actual.asDouble();
            assertThat(Math.abs(a - e) / Math.max(Math.abs(e), RELATIVE_TOLERANCE))
                    .as("%s: %s vs %s", path, a, e)
                    .isLessThanOrEqualTo(RELATIVE_TOLERANCE);
        } else if (expected.isObject()) {
            assertThat(names(actual.fieldNames())).as(path).containsExactlyElementsOf(names(expected.fieldNames()));
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!ignored.contains(field.getKey())) {
                    compare(actual.get(field.getKey()), field.getValue(), ignored, path + "." + field.getKey());
                }
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as("%s size", path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                compare(actual.get(i), expected.get(i), ignored, path + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    private static List<String> names(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
