/**
 * The cost agent workflow: collect → analyze → recommend → explain.
 *
 * <p>The entry type is {@link dev.costagent.core.agent.CostAgent}: one thread-safe instance, configured with a
 * builder (sources, analysis options, recommendation rules, narrator, executor, clock, deadline, listeners), serves
 * many concurrent {@link dev.costagent.core.agent.CostAgent#run() runs}, caching ingested tables and analyses by
 * source identity and version. Each run returns a {@link dev.costagent.core.agent.Report}.
 */
package dev.costagent.core.agent;
