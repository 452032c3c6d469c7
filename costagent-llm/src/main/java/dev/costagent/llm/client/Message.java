package dev.costagent.llm.client;

import static java.util.Objects.requireNonNull;

/**
 * One turn of a conversation.
 *
 * @param role who speaks
 * @param content what is said
 */
public record Message(Role role, String content) {

    /** Checks the parts. */
    public Message {
        requireNonNull(role, "role");
        requireNonNull(content, "content");
    }

    /** A user turn. */
    public static Message user(String content) {
        return new Message(Role.USER, content);
    }

    /** An assistant turn. */
    public static Message assistant(String content) {
        return new Message(Role.ASSISTANT, content);
    }
}
