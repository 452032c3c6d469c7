/**
 * Test support: {@link dev.costagent.llm.testing.ScriptedServer}, a real loopback HTTP server with scripted
 * replies; {@link dev.costagent.llm.testing.FakeTime}, a ticker and sleeper that record waits instead of spending
 * them; and {@link dev.costagent.llm.testing.Wire}, documented provider payloads.
 */
package dev.costagent.llm.testing;
