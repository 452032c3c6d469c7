/**
 * What language-model calls cost: {@link dev.costagent.llm.accounting.UsageLedger} counts tokens per run and per
 * model (fed by {@link dev.costagent.llm.accounting.MeteredLlmClient}), and a
 * {@link dev.costagent.llm.accounting.PriceTable} of dollars per million tokens turns them into money.
 */
package dev.costagent.llm.accounting;
