/** Tests of the call listener SPI. */
package dev.costagent.llm.observe;
