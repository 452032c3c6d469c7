/**
 * The Anthropic Messages adapter, {@link dev.costagent.llm.provider.anthropic.AnthropicClient}: {@code POST
 * /v1/messages} with the {@code x-api-key} and {@code anthropic-version} headers, and the documented server-sent
 * event stream ({@code message_start}, {@code content_block_delta}, {@code message_delta}, {@code message_stop},
 * {@code error}).
 */
package dev.costagent.llm.provider.anthropic;
