package dev.costagent.core.narrate;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who wrote a {@link Narrative}. Serialized in lower case: {@code model}, {@code template}. */
public enum NarrativeSource {
    /** A language model, validated against the facts. */
    MODEL,
    /** The deterministic template narrator. */
    TEMPLATE;

    /** The lower-case JSON form. */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
