/**
 * The OpenAI Chat Completions adapter, {@link dev.costagent.llm.provider.openai.OpenAiClient}: OpenAI itself, Azure
 * OpenAI ({@code api-key} header), vLLM, the llama.cpp server, Ollama's {@code /v1}, Groq and other compatible
 * servers. Streams with server-sent events and asks for usage in the last chunk.
 */
package dev.costagent.llm.provider.openai;
