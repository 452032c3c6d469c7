package dev.costagent.core.narrate;

/**
 * Writes a short explanation of a set of facts. The extension point for explanations: costagent ships a deterministic
 * {@link TemplateNarrator} (no network, the default), and costagent-llm implements it for language models.
 *
 * <p>Implementations must be safe to call from many threads at once, must not invent numbers absent from the facts,
 * and should fall back rather than throw: a narrator that cannot narrate returns the template narrative.
 */
public interface Narrator {

    /** Narrates one subject. */
    Narrative narrate(Facts facts);

    /** A short name for reports and logs, e.g. {@code template} or {@code openai:gpt-4o-mini}. */
    default String name() {
        return getClass().getSimpleName();
    }
}
