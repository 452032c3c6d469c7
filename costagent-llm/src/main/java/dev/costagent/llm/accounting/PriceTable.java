package dev.costagent.llm.accounting;

import dev.costagent.llm.client.TokenUsage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Dollars per million tokens, per model. Prices change, so costagent ships none: configure them (builder, or the
 * text form {@code gpt-4o-mini=0.15/0.60, claude-haiku=0.80/4.00/0.08} as {@code model=input/output[/cachedInput]}).
 * A model is priced by its exact name, else by the longest configured name it starts with, so that
 * {@code gpt-4o-mini-2024-07-18} takes the price of {@code gpt-4o-mini}.
 */
public final class PriceTable {

    /** A table with no prices: every cost is zero and every model unpriced. */
    public static final PriceTable EMPTY = new PriceTable(Map.of());

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final Map<String, ModelPrice> prices;

    private PriceTable(Map<String, ModelPrice> prices) {
        this.prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Parses the text form; a clear error names the first bad entry. */
    public static PriceTable parse(String text) {
        Builder builder = builder();
        if (text == null || text.isBlank()) {
            return builder.build();
        }
        for (String entry : text.split("[,;]")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String[] parts = equals < 0 ? new String[0] : entry.substring(equals + 1).strip().split("/");
            if (equals <= 0 || parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("price entry must be model=input/output[/cachedInput] dollars "
                        + "per million tokens, was '" + entry.strip() + "'");
            }
            try {
                BigDecimal input = new BigDecimal(parts[0].strip());
                BigDecimal cached = parts.length == 3 ? new BigDecimal(parts[2].strip()) : input;
                builder.price(entry.substring(0, equals).strip(),
                        new ModelPrice(input, new BigDecimal(parts[1].strip()), cached));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("price entry has a non-numeric price: '" + entry.strip() + "'", e);
            }
        }
        return builder.build();
    }

    /** The price of {@code model}, if configured. */
    public Optional<ModelPrice> priceOf(String model) {
        ModelPrice exact = prices.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        for (String name : prices.keySet()) {
            if (model.startsWith(name) && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return Optional.ofNullable(best == null ? null : prices.get(best));
    }

    /** The dollars {@code usage} of {@code model} costs; zero when the model has no price. */
    public BigDecimal cost(String model, TokenUsage usage) {
        return priceOf(model).map(price -> {
            BigDecimal uncached = BigDecimal.valueOf(usage.input() - usage.cached()).multiply(price.inputPerMillion());
            BigDecimal cached = BigDecimal.valueOf(usage.cached()).multiply(price.cachedInputPerMillion());
            BigDecimal output = BigDecimal.valueOf(usage.output()).multiply(price.outputPerMillion());
            return uncached.add(cached).add(output).divide(MILLION, MathContext.DECIMAL64);
        }).orElse(BigDecimal.ZERO);
    }

    @Override
    public String toString() {
        return "PriceTable" + prices.keySet();
    }

    /** Builds a {@link PriceTable}. */
    public static final class Builder {
        private final Map<String, ModelPrice> prices = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets a model's price. */
        public Builder price(String model, ModelPrice price) {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model name must not be blank");
            }
            prices.put(model, price);
            return this;
        }

        /** Builds the table. */
        public PriceTable build() {
            return new PriceTable(prices);
        }
    }
}
