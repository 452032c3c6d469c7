package dev.costagent.core.recommend.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The non-instance rates rules use, each with its source: storage prices per GB-month ({@code aws-ebs-gp2},
 * {@code aws-ebs-gp3}), commitment discounts per provider by term and payment option
 * ({@code aws/1yr-no-upfront} ... {@code gcp/3yr-no-upfront}) and the spot planning discount, each with its date
 * and source. {@link #shipped()} reads them from the shipped
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
        return find(kind, key)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no " + kind.name().toLowerCase(Locale.ROOT) + " rate '" + key + "' configured"));
    }

    /** Every rate of a kind, by key. */
    public Map<String, Rate> all(Kind kind) {
        return rates.getOrDefault(kind, Map.of());
    }

    /**
     * Reads a rates file ({@code kind,key,value,asOf,source} lines, {@code #} comments): the shipped format.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed row
     */
    public static PricingRates load(java.nio.file.Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return new PricingRates(parse(in, file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rates " + file + ": " + e.getMessage(), e);
        }
    }

    /** These rates with every rate of {@code overrides} added, replacing any of the same kind and key. */
    public PricingRates overriddenBy(PricingRates overrides) {
        PricingRates out = this;
        for (Map.Entry<Kind, Map<String, Rate>> e : overrides.rates.entrySet()) {
            for (Rate r : e.getValue().values()) {
                out = out.with(e.getKey(), r);
            }
        }
        return out;
    }

    /**
     * The commitment rates of one provider ({@code aws}, {@code azure}, {@code gcp}), by option
     * ({@code 1yr-no-upfront}, ...), from the keys {@code <provider>/<option>}.
     */
    public Map<String, Rate> commitments(String provider) {
        Map<String, Rate> out = new java.util.TreeMap<>();
        String prefix = provider.toLowerCase(Locale.ROOT) + "/";
        all(Kind.COMMITMENT).forEach((key, rate) -> {
            if (key.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                out.put(key.substring(prefix.length()), rate);
            }
        });
        return out;
    }

    private static PricingRates loadShipped() {
        return CatalogText.shipped(
                "rates.csv", "shipped rates.csv", (in, origin) -> new PricingRates(parse(in, origin)));
    }

    private static Map<Kind, Map<String, Rate>> parse(InputStream in, String origin) throws IOException {
        Map<Kind, Map<String, Rate>> rates = new LinkedHashMap<>();
        CatalogText.records(in, origin, "kind,", text -> {
            // The source is the last field and may itself contain commas.
            String[] f = text.split(",", 5);
            if (f.length != 5) {
                throw new IllegalArgumentException(
                        "expected kind,key,value,asOf,source but found " + f.length + " fields");
            }
            Kind kind = Kind.valueOf(f[0].strip().toUpperCase(Locale.ROOT));
            rates.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                    .put(
                            f[1].strip(),
                            new Rate(f[1].strip(), Double.parseDouble(f[2].strip()), f[4].strip(), f[3].strip()));
        });
        return rates;
    }
}
