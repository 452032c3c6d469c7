/**
 * costagent-llm: narrators over real LLM providers (OpenAI-compatible, Ollama, Anthropic) with retries, rate limits,
 * caching and token accounting, whose figures are checked against the facts before they reach a report.
 *
 * <p>Not exported: {@code llm.transport}, the HTTP layer the provider clients share.
 */
module dev.costagent.llm {
    requires transitive dev.costagent.core;
    requires java.net.http;
    requires com.google.common;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.costagent.llm.accounting;
    exports dev.costagent.llm.client;
    exports dev.costagent.llm.config;
    exports dev.costagent.llm.narrate;
    exports dev.costagent.llm.observe;
    exports dev.costagent.llm.provider.anthropic;
    exports dev.costagent.llm.provider.ollama;
    exports dev.costagent.llm.provider.openai;
    exports dev.costagent.llm.reliability;

    uses dev.costagent.llm.observe.LlmCallListener;
}
