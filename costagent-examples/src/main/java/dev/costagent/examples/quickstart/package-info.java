/**
 * The shortest way to embed costagent: build a {@link dev.costagent.core.agent.CostAgent} over a billing export,
 * run it, read the recommendations. The entry type is {@link dev.costagent.examples.quickstart.QuickStart}.
 */
package dev.costagent.examples.quickstart;
