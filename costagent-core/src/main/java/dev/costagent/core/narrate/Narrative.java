package dev.costagent.core.narrate;

import static java.util.Objects.requireNonNull;

/**
 * A written explanation of one subject, and who wrote it.
 *
 * @param subject the {@link Facts#subject()} it explains
 * @param text the explanation
 * @param source {@code model} when a language model wrote it (and it passed validation), {@code template} otherwise
 */
public record Narrative(String subject, String text, NarrativeSource source) {

    /** Checks the parts. */
    public Narrative {
        requireNonNull(subject, "subject");
        requireNonNull(text, "text");
        requireNonNull(source, "source");
    }
}
