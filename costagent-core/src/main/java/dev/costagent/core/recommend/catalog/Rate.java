package dev.costagent.core.recommend.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A configurable number a rule multiplies by, and where and when it came from.
 *
 * @param key what it prices, e.g. {@code aws-ebs-gp3} or {@code aws/1yr-no-upfront}
 * @param value the rate (a price, or a discount fraction in [0, 1))
 * @param source where the value came from, shown in every recommendation's evidence
 * @param asOf when it was read ({@code 2024-09}); empty when unknown
 */
public record Rate(String key, double value, String source, String asOf) {

    /** Validates the parts. */
    public Rate {
        requireNonNull(key, "key");
        requireNonNull(source, "source");
        requireNonNull(asOf, "asOf");
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("rate " + key + " must be a non-negative number, got " + value);
        }
    }

    /** A rate of unknown date. */
    public Rate(String key, double value, String source) {
        this(key, value, source, "");
    }
}
