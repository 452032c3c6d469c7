/** Tests of the {@code ./costagent} launcher script: the JVM options it picks and that it always reaches the CLI. */
package dev.costagent.examples.launcher;
