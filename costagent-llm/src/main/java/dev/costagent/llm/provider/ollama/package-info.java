/**
 * The Ollama native adapter, {@link dev.costagent.llm.provider.ollama.OllamaClient}: {@code POST /api/chat} with
 * newline-delimited JSON streaming. (Ollama's OpenAI-compatible {@code /v1} works with the openai adapter too.)
 */
package dev.costagent.llm.provider.ollama;
