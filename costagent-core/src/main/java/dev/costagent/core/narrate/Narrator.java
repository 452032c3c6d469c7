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

    /**
     * Whether narrating waits on something outside this process, such as a model behind a network call. A run then
     * narrates its subjects at once rather than one after another; narrators that work in process keep the default,
     * {@code false}.
     */
    default boolean waitsOnIo() {
        return false;
    }

    /** A short name for reports and logs, e.g. {@code template} or {@code openai:gpt-4o-mini}. */
    default String name() {
        return getClass().getSimpleName();
    }
}
