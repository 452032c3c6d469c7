/**
 * Explanations written by a language model: {@link dev.costagent.examples.llm.LlmExplain} runs the agent with the
 * narrator configured from the environment ({@code COSTAGENT_LLM_PROVIDER}, ...), falling back to the template
 * narrator when none is set. {@link dev.costagent.examples.llm.StandInModel} is a loopback OpenAI-compatible
 * stand-in with a chosen latency, for trying the model path (and measuring it) without a provider.
 */
package dev.costagent.examples.llm;
