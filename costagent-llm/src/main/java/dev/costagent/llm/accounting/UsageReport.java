package dev.costagent.llm.accounting;

import dev.costagent.llm.client.TokenUsage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Tokens and dollars of one run.
 *
 * @param calls successful provider calls (cache hits are free and not counted)
 * @param total tokens over all models
 * @param byModel tokens per model, by name
 * @param dollars the cost under the price table
 * @param unpricedModels models that had no price (their cost counts as zero)
 */
public record UsageReport(long calls, TokenUsage total, Map<String, TokenUsage> byModel, BigDecimal dollars,
        List<String> unpricedModels) {

    /** Copies the collections. */
    public UsageReport {
        byModel = Map.copyOf(byModel);
        unpricedModels = List.copyOf(unpricedModels);
    }
}
