/** End-to-end self-tests of the harness across JUnit test kinds, the SPI and parallel execution. */
package dev.costagent.perf.integration;
