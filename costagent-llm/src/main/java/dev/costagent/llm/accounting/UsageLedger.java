package dev.costagent.llm.accounting;

import dev.costagent.llm.client.TokenUsage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** Counts the tokens of one run, per model. Safe for many threads; recording allocates nothing for known models. */
public final class UsageLedger {

    private final Map<String, Counters> byModel = new ConcurrentHashMap<>();
    private final LongAdder calls = new LongAdder();
    private volatile LongSupplier cacheHits = () -> 0;

    /** Reads cache hits from {@code hits} (the response cache sits outside the metered client and counts them). */
    public void countCacheHits(LongSupplier hits) {
        this.cacheHits = hits;
    }

    /** Records one call's usage. */
    public void record(String model, TokenUsage usage) {
        Counters counters = byModel.computeIfAbsent(model.isEmpty() ? "unknown" : model, name -> new Counters());
        counters.input.add(usage.input());
        counters.output.add(usage.output());
        counters.cached.add(usage.cached());
        calls.increment();
    }

    /** Tokens per model, sorted by name. */
    public Map<String, TokenUsage> byModel() {
        Map<String, TokenUsage> snapshot = new TreeMap<>();
        byModel.forEach((model, counters) -> snapshot.put(model, counters.snapshot()));
        return snapshot;
    }

    /** Tokens over all models. */
    public TokenUsage total() {
        TokenUsage sum = TokenUsage.ZERO;
        for (TokenUsage usage : byModel().values()) {
            sum = sum.plus(usage);
        }
        return sum;
    }

    /** Tokens and dollars so far, priced with {@code prices}. */
    public UsageReport report(PriceTable prices) {
        Map<String, TokenUsage> models = byModel();
        BigDecimal dollars = BigDecimal.ZERO;
        List<String> unpriced = new ArrayList<>();
        for (Map.Entry<String, TokenUsage> entry : models.entrySet()) {
            if (prices.priceOf(entry.getKey()).isEmpty()) {
                unpriced.add(entry.getKey());
            }
            dollars = dollars.add(prices.cost(entry.getKey(), entry.getValue()));
        }
        return new UsageReport(
                calls.sum(), cacheHits.getAsLong(), total(), models, dollars, unpriced, prices.source(), prices.asOf());
    }

    private static final class Counters {
        final LongAdder input = new LongAdder();
        final LongAdder output = new LongAdder();
        final LongAdder cached = new LongAdder();

        TokenUsage snapshot() {
            return new TokenUsage(input.sum(), output.sum(), cached.sum());
        }
    }
}
