package dev.costagent.llm.accounting;

import java.math.BigDecimal;

/**
 * A model's list price, in dollars per million tokens.
 *
 * @param inputPerMillion uncached prompt tokens
 * @param outputPerMillion generated tokens
 * @param cachedInputPerMillion prompt tokens served from the provider's cache
 */
public record ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion, BigDecimal cachedInputPerMillion) {

    /** Rejects negative prices. */
    public ModelPrice {
        for (BigDecimal price : new BigDecimal[] {inputPerMillion, outputPerMillion, cachedInputPerMillion}) {
            if (price == null || price.signum() < 0) {
                throw new IllegalArgumentException("prices must be zero or more, was " + price);
            }
        }
    }

    /** A price whose cached input costs the same as uncached input. */
    public static ModelPrice of(String inputPerMillion, String outputPerMillion) {
        BigDecimal input = new BigDecimal(inputPerMillion);
        return new ModelPrice(input, new BigDecimal(outputPerMillion), input);
    }
}
