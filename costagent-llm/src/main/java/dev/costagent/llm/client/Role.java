package dev.costagent.llm.client;

/** Who speaks in a {@link Message}. The system prompt is not a message: it is a field of {@link LlmRequest}. */
public enum Role {
    /** The caller. */
    USER("user"),
    /** The model. */
    ASSISTANT("assistant");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name every supported provider uses on the wire. */
    public String wireName() {
        return wireName;
    }
}
