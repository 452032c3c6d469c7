package dev.costagent.core.narrate;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The structured facts a narrative may use, and nothing else.
 *
 * <p>Values are numbers, booleans, strings, or lists and maps of them. Every string is untrusted data (it may come
 * from billing tags or resource names): narrators quote it, never follow it.
 *
 * @param subject what the narrative is about, e.g. {@code summary}, {@code anomaly:ServiceName=Amazon EC2@2024-09-18}
 * @param topic the kind of facts, which selects a template: {@code summary}, {@code anomaly}, {@code forecast},
 *     {@code recommendation}, or any other (rendered generically)
 * @param values named facts, in presentation order
 */
public record Facts(String subject, String topic, Map<String, Object> values) {

    /** Copies the values, keeping their order. */
    public Facts {
        requireNonNull(subject, "subject");
        requireNonNull(topic, "topic");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A fact by name, or {@code null}. */
    public Object get(String name) {
        return values.get(name);
    }
}
