/**
 * Faithful, model-written explanations: {@link dev.costagent.llm.narrate.LlmNarrator} implements core's
 * {@link dev.costagent.core.narrate.Narrator}. It prompts from the structured facts only, keeps untrusted billing
 * strings fenced as data, can redact account and resource ids, and accepts the model's text only when every number in
 * it is one of the facts; otherwise, and on any error or timeout, it returns the template narrative.
 */
package dev.costagent.llm.narrate;
