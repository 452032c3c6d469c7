/**
 * Metrics without dependencies: {@link dev.costagent.llm.observe.LlmCallListener} is told of every provider call
 * (request, response, error, with timings and token counts), so users can export them to Micrometer or OpenTelemetry
 * from their own listener, found through {@link java.util.ServiceLoader}. {@link
 * dev.costagent.llm.observe.LoggingCallListener} is the example: it logs each call.
 */
package dev.costagent.llm.observe;
