package dev.costagent.llm.testing;

/** Documented provider payloads, as the servers send them, for tests. */
public final class Wire {

    private Wire() {}

    /** An OpenAI chat.completion body. */
    public static String openAiCompletion(String content) {
        return "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion\",\"created\":1727000000,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":" + quote(content) + ",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30,\"total_tokens\":150,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":64}}}";
    }

    /** An OpenAI chat.completion body that stopped for {@code finishReason} (e.g. {@code length}). */
    public static String openAiCompletion(String content, String finishReason) {
        return openAiCompletion(content)
                .replace("\"finish_reason\":\"stop\"", "\"finish_reason\":" + quote(finishReason));
    }

    /** One OpenAI SSE event. */
    public static String openAiChunk(String json) {
        return "data: " + json + "\n\n";
    }

    /** An OpenAI content delta chunk. */
    public static String openAiDelta(String fragment) {
        return openAiChunk("{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(fragment)
                + "},\"finish_reason\":null}],\"usage\":null}");
    }

    /** An OpenAI error body. */
    public static String openAiError(String message, String type, String code) {
        return "{\"error\":{\"message\":" + quote(message) + ",\"type\":" + quote(type) + ",\"param\":null,"
                + "\"code\":" + (code == null ? "null" : quote(code)) + "}}";
    }

    /** An Anthropic message body. */
    public static String anthropicMessage(String text) {
        return "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-3-5-haiku-20241022\","
                + "\"content\":[{\"type\":\"text\",\"text\":" + quote(text) + "}],\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":100,\"cache_creation_input_tokens\":0,"
                + "\"cache_read_input_tokens\":20,\"output_tokens\":25}}";
    }

    /** One Anthropic SSE event. */
    public static String anthropicEvent(String type, String json) {
        return "event: " + type + "\ndata: " + json + "\n\n";
    }

    /** An Anthropic error body. */
    public static String anthropicError(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":" + quote(type) + ",\"message\":" + quote(message)
                + "},\"request_id\":\"req_011\"}";
    }

    /** A JSON string literal. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
