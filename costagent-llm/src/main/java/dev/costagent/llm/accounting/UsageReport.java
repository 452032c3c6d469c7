package dev.costagent.llm.accounting;

import dev.costagent.llm.client.TokenUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tokens and dollars of one run, and where the prices came from.
 *
 * @param calls successful provider calls (cache hits are free and not counted)
 * @param cacheHits answers served from costagent's own response cache, without a call
 * @param total tokens over all models
 * @param byModel tokens per model, by name
 * @param dollars the cost under the price table
 * @param unpricedModels models that had no price (their cost counts as zero)
 * @param priceSource where the prices come from; empty when not said
 * @param priceAsOf when the prices were read, or {@code null}
 */
public record UsageReport(
        long calls,
        long cacheHits,
        TokenUsage total,
        Map<String, TokenUsage> byModel,
        BigDecimal dollars,
        List<String> unpricedModels,
        String priceSource,
        LocalDate priceAsOf) {

    /** Copies the collections. */
    public UsageReport {
        byModel = Map.copyOf(byModel);
        unpricedModels = List.copyOf(unpricedModels);
        priceSource = priceSource == null ? "" : priceSource;
    }

    /**
     * One line for stderr, e.g. {@code LLM usage: 12 calls, 4 cache hits, 3,456 input tokens (1,024 cached), 789
     * output tokens; estimated cost $0.0012 (prices: https://openai.com/api/pricing, 2026-12-01)}.
     */
    public String describe() {
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "LLM usage: %,d calls, %,d cache hits, %,d input tokens (%,d cached), %,d output tokens; ",
                calls,
                cacheHits,
                total.input(),
                total.cached(),
                total.output()));
        if (byModel.isEmpty()) {
            return line.append("no cost").toString();
        }
        if (unpricedModels.size() == byModel.size()) {
            line.append("cost unknown (no price configured for ")
                    .append(String.join(", ", unpricedModels))
                    .append("; set COSTAGENT_LLM_PRICES)");
            return line.toString();
        }
        line.append("estimated cost $")
                .append(dollars.setScale(4, RoundingMode.HALF_UP).toPlainString())
                .append(" (prices: ")
                .append(priceSource.isEmpty() ? "source not stated" : priceSource)
                .append(", ")
                .append(priceAsOf == null ? "date not stated" : priceAsOf.toString())
                .append(')');
        if (!unpricedModels.isEmpty()) {
            line.append("; unpriced: ").append(String.join(", ", unpricedModels));
        }
        return line.toString();
    }
}
