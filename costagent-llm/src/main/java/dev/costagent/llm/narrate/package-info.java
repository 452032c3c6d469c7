/**
 * Faithful, model-written explanations: {@link dev.costagent.llm.narrate.LlmNarrator} implements core's
 * {@link dev.costagent.core.narrate.Narrator}. It prompts from the structured facts only, keeps untrusted billing
 * strings fenced as data, can redact account and resource ids, asks the model to write figures as slots that it renders
 * from the facts, and accepts a literal figure only when it matches a fact of the same kind, label and currency;
 * otherwise, and on a truncated answer, any error or a timeout, it returns the template narrative. See
 * {@code docs/llm.md}.
 */
package dev.costagent.llm.narrate;
