package dev.costagent.core.recommend.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The non-instance rates rules use, each with its source: storage prices per GB-month ({@code aws-ebs-gp2},
 * {@code aws-ebs-gp3}), commitment discounts by term and payment option ({@code 1yr-no-upfront} ...
 * {@code 3yr-all-upfront}) and the spot planning discount. {@link #shipped()} reads them from the shipped
 * {@code rates.csv}; {@link #with(Kind, Rate)} replaces one. Immutable.
 */
public final class PricingRates {

    /** What a rate prices. */
    public enum Kind {
        /** USD per GB-month of a storage class. */
        STORAGE,
        /** Discount fraction of a commitment versus on-demand. */
        COMMITMENT,
        /** Discount fraction of spot versus on-demand. */
        SPOT
    }

    private static final PricingRates SHIPPED = loadShipped();

    private final Map<Kind, Map<String, Rate>> rates;

    private PricingRates(Map<Kind, Map<String, Rate>> rates) {
        Map<Kind, Map<String, Rate>> copy = new LinkedHashMap<>();
        rates.forEach((kind, byKey) -> copy.put(kind, Map.copyOf(byKey)));
        this.rates = Map.copyOf(copy);
    }

    /** The rates shipped with costagent. */
    public static PricingRates shipped() {
        return SHIPPED;
    }

    /** These rates with one replaced or added. */
    public PricingRates with(Kind kind, Rate rate) {
        Map<Kind, Map<String, Rate>> copy = new LinkedHashMap<>();
        rates.forEach((k, byKey) -> copy.put(k, new LinkedHashMap<>(byKey)));
        copy.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(rate.key(), rate);
        return new PricingRates(copy);
    }

    /** A rate by kind and key. */
    public Optional<Rate> find(Kind kind, String key) {
        return Optional.ofNullable(rates.getOrDefault(kind, Map.of()).get(key));
    }

    /**
     * A rate by kind and key.
     *
     * @throws IllegalArgumentException naming the missing rate
     */
    public Rate get(Kind kind, String key) {
        return find(kind, key).orElseThrow(() -> new IllegalArgumentException(
                "no " + kind.name().toLowerCase(Locale.ROOT) + " rate '" + key + "' configured"));
    }

    /** Every rate of a kind, by key. */
    public Map<String, Rate> all(Kind kind) {
        return rates.getOrDefault(kind, Map.of());
    }

    private static PricingRates loadShipped() {
        try (InputStream in = PricingRates.class.getResourceAsStream("rates.csv")) {
            if (in == null) {
                throw new IllegalStateException("shipped rates.csv is missing from the jar");
            }
            Map<Kind, Map<String, Rate>> rates = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                // The source is the last field and may itself contain commas.
                String[] f = text.split(",", 4);
                Kind kind = Kind.valueOf(f[0].strip().toUpperCase(Locale.ROOT));
                rates.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                        .put(f[1].strip(), new Rate(f[1].strip(), Double.parseDouble(f[2].strip()), f[3].strip()));
            }
            return new PricingRates(rates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
