/**
 * HTTP plumbing shared by the provider adapters: {@link dev.costagent.llm.transport.HttpTransport} sends a JSON
 * request on {@code java.net.http.HttpClient}, enforces the time budget, decodes whole or streamed (SSE, NDJSON)
 * answers through a provider's {@link dev.costagent.llm.transport.ProviderProtocol}, and turns HTTP failures into
 * the typed {@link dev.costagent.llm.client.LlmException}s, with the provider's retry hints attached.
 * {@link dev.costagent.llm.transport.Endpoint} refuses plain http beyond loopback unless opted in and carries
 * {@link dev.costagent.llm.transport.ExtraHeaders} and a proxy ({@link dev.costagent.llm.transport.EnvironmentProxy}
 * for {@code HTTPS_PROXY}).
 */
package dev.costagent.llm.transport;
