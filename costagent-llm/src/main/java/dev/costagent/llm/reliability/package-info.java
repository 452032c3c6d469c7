/**
 * Production reliability around any {@link dev.costagent.llm.client.LlmClient}:
 * {@link dev.costagent.llm.reliability.ReliableLlmClient} adds a response cache, a circuit breaker, retries with
 * exponential backoff and jitter that honour the provider's wait hints, a client-side rate limiter (requests per
 * second, tokens per minute), a concurrency limit, and one time budget across all of it.
 */
package dev.costagent.llm.reliability;
