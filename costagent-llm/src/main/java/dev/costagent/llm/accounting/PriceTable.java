package dev.costagent.llm.accounting;

import dev.costagent.llm.client.TokenUsage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dollars per million tokens, per model, with where the prices come from and when they were read. Prices change, so
 * costagent ships none: configure them (builder, or the text form
 * {@code gpt-4o-mini=0.15/0.60/0.075; claude-haiku-4-5=1/5/0.10; source=https://openai.com/api/pricing;
 * asOf=2026-12-01} as {@code model=input/output[/cachedInput]}).
 *
 * <p>A model is priced by its whole name only, or by that name without a dated snapshot suffix
 * ({@code gpt-4o-mini-2024-07-18} and {@code claude-haiku-4-5-20251001} take the prices of {@code gpt-4o-mini} and
 * {@code claude-haiku-4-5}); never by a prefix, so {@code gpt-4o} never prices {@code gpt-4o-mini}.
 */
public final class PriceTable {

    /** A table with no prices: every cost is zero and every model unpriced. */
    public static final PriceTable EMPTY = new PriceTable(Map.of(), "", null);

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final Pattern SNAPSHOT = Pattern.compile("-(?:\\d{4}-\\d{2}-\\d{2}|\\d{8}|latest)$");

    private final Map<String, ModelPrice> prices;
    private final String source;
    private final LocalDate asOf;

    private PriceTable(Map<String, ModelPrice> prices, String source, LocalDate asOf) {
        this.prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
        this.source = source == null ? "" : source;
        this.asOf = asOf;
    }

    /** Where the prices come from (a URL, a contract); empty when not said. */
    public String source() {
        return source;
    }

    /** When the prices were read, or {@code null} when not said. */
    public LocalDate asOf() {
        return asOf;
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
            String name = equals < 0 ? "" : entry.substring(0, equals).strip();
            if (name.equals("source")) {
                builder.source(entry.substring(equals + 1).strip());
                continue;
            }
            if (name.equals("asOf")) {
                try {
                    builder.asOf(LocalDate.parse(entry.substring(equals + 1).strip()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            "price asOf must be a date such as 2026-12-01, was '" + entry.strip() + "'", e);
                }
                continue;
            }
            String[] parts = equals < 0
                    ? new String[0]
                    : entry.substring(equals + 1).strip().split("/");
            if (equals <= 0 || parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("price entry must be model=input/output[/cachedInput] dollars "
                        + "per million tokens, was '" + entry.strip() + "'");
            }
            try {
                BigDecimal input = new BigDecimal(parts[0].strip());
                BigDecimal cached = parts.length == 3 ? new BigDecimal(parts[2].strip()) : input;
                builder.price(
                        entry.substring(0, equals).strip(),
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
        String undated = SNAPSHOT.matcher(model).replaceFirst("");
        return Optional.ofNullable(undated.equals(model) ? null : prices.get(undated));
    }

    /** The dollars {@code usage} of {@code model} costs; zero when the model has no price. */
    public BigDecimal cost(String model, TokenUsage usage) {
        return priceOf(model)
                .map(price -> {
                    BigDecimal uncached =
                            BigDecimal.valueOf(usage.input() - usage.cached()).multiply(price.inputPerMillion());
                    BigDecimal cached = BigDecimal.valueOf(usage.cached()).multiply(price.cachedInputPerMillion());
                    BigDecimal output = BigDecimal.valueOf(usage.output()).multiply(price.outputPerMillion());
                    return uncached.add(cached).add(output).divide(MILLION, MathContext.DECIMAL64);
                })
                .orElse(BigDecimal.ZERO);
    }

    @Override
    public String toString() {
        return "PriceTable" + prices.keySet();
    }

    /** Builds a {@link PriceTable}. */
    public static final class Builder {
        private final Map<String, ModelPrice> prices = new LinkedHashMap<>();
        private String source = "";
        private LocalDate asOf;

        private Builder() {}

        /** Sets a model's price. */
        public Builder price(String model, ModelPrice price) {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model name must not be blank");
            }
            prices.put(model, price);
            return this;
        }

        /** Where the prices come from (a URL, a contract). */
        public Builder source(String value) {
            this.source = value == null ? "" : value.strip();
            return this;
        }

        /** When the prices were read. */
        public Builder asOf(LocalDate value) {
            this.asOf = value;
            return this;
        }

        /** Builds the table. */
        public PriceTable build() {
            return new PriceTable(prices, source, asOf);
        }
    }
}
