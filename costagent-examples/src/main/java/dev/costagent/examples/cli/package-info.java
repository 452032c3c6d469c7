/**
 * The {@code costagent} command line ({@link dev.costagent.examples.cli.CostagentCli}): {@code analyze} (the main
 * job), {@code summarize}, {@code recommend}, {@code explain}, {@code utilization}, {@code ingest} and
 * {@code generate}. Results go to stdout; progress, logs and one-line errors to stderr.
 */
package dev.costagent.examples.cli;
