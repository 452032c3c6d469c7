/**
 * The provider-neutral language-model client: the {@link dev.costagent.llm.client.LlmClient} extension point, its
 * request and response values, streaming callback, and the typed {@link dev.costagent.llm.client.LlmException}
 * hierarchy that tells callers what went wrong and whether trying again can help.
 */
package dev.costagent.llm.client;
