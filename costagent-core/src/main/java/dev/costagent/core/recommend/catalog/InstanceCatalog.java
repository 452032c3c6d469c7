package dev.costagent.core.recommend.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Instance types by name, and the sizes of each family from cheapest to dearest.
 *
 * <p>{@link #shipped()} holds common AWS (t3, m5, m6i, c5, r5), Azure (Dsv5, Esv5) and GCP (n2-standard,
 * e2-standard) types at the providers' public on-demand list prices (see the resource file's header for the regions
 * and date). {@link #overriddenBy(InstanceCatalog)} layers a user's catalog on top: its entries replace shipped ones of
 * the same name. Files are CSV {@code provider,type,family,vcpu,memoryGiB,hourlyUsd[,baselineCpu,source,asOf]} with
 * {@code #} comments; every shipped row names its source and date. {@link PriceListImport} reads a provider's own
 * price list file (the AWS price list CSV, the Azure retail prices JSON) into a catalog to layer on top.
 * Immutable and safe to share between threads.
 */
public final class InstanceCatalog {

    private static final String SHIPPED = "instances.csv";
    private static final InstanceCatalog SHIPPED_CATALOG = loadShipped();

    private final Map<String, InstanceType> byName;
    private final Map<String, List<InstanceType>> byFamily;

    private InstanceCatalog(Collection<InstanceType> types) {
        Map<String, InstanceType> names = new LinkedHashMap<>();
        for (InstanceType type : types) {
            names.put(key(type.name()), type);
        }
        Map<String, List<InstanceType>> families = new LinkedHashMap<>();
        for (InstanceType type : names.values()) {
            families.computeIfAbsent(key(type.family()), f -> new ArrayList<>()).add(type);
        }
        families.replaceAll((family, sizes) -> {
            List<InstanceType> sorted = new ArrayList<>(sizes);
            sorted.sort(Comparator.comparingDouble(InstanceType::hourlyUsd).thenComparing(InstanceType::name));
            return List.copyOf(sorted);
        });
        this.byName = Map.copyOf(names);
        this.byFamily = Map.copyOf(families);
    }

    /** The catalog shipped with costagent. */
    public static InstanceCatalog shipped() {
        return SHIPPED_CATALOG;
    }

    /** A catalog of exactly these types. */
    public static InstanceCatalog of(Collection<InstanceType> types) {
        return new InstanceCatalog(types);
    }

    /**
     * Reads a catalog file, or a provider price list file ({@link PriceListImport}: the AWS price list CSV, the Azure
     * retail prices JSON of one region) told apart by its first line.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed row
     */
    public static InstanceCatalog load(Path file) {
        if (PriceListImport.isPriceList(file)) { // an AWS price list CSV or an Azure retail prices JSON
            return PriceListImport.read(file, SHIPPED_CATALOG).catalog();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new InstanceCatalog(parse(in, file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read instance catalog " + file + ": " + e.getMessage(), e);
        }
    }

    /** This catalog with {@code overrides}' types added, replacing any of the same name. */
    public InstanceCatalog overriddenBy(InstanceCatalog overrides) {
        Map<String, InstanceType> merged = new LinkedHashMap<>(byName);
        merged.putAll(overrides.byName);
        return new InstanceCatalog(merged.values());
    }

    /** The type with this name (case-insensitive), if the catalog knows it. */
    public Optional<InstanceType> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(key(name)));
    }

    /** The sizes of a family, cheapest first; empty for an unknown family. */
    public List<InstanceType> family(String family) {
        return byFamily.getOrDefault(key(family), List.of());
    }

    /** The provider's other families, each cheapest first (for a move to a family with the memory a host needs). */
    public List<List<InstanceType>> otherFamilies(InstanceType current) {
        List<List<InstanceType>> out = new ArrayList<>();
        for (List<InstanceType> sizes : byFamily.values()) {
            InstanceType first = sizes.get(0);
            if (first.provider().equalsIgnoreCase(current.provider())
                    && !key(first.family()).equals(key(current.family()))) {
                out.add(sizes);
            }
        }
        out.sort(Comparator.comparing(sizes -> sizes.get(0).family()));
        return out;
    }

    /** Every type, in no particular order. */
    public Collection<InstanceType> types() {
        return byName.values();
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static InstanceCatalog loadShipped() {
        return CatalogText.shipped(
                SHIPPED, "shipped instance catalog " + SHIPPED, (in, origin) -> new InstanceCatalog(parse(in, origin)));
    }

    private static List<InstanceType> parse(InputStream in, String origin) throws IOException {
        List<InstanceType> types = new ArrayList<>();
        CatalogText.records(in, origin, "provider,", text -> {
            String[] f = text.split(",", -1);
            if (f.length != 6 && f.length != 9) {
                throw new IllegalArgumentException(
                        "expected provider,type,family,vcpu,memoryGiB,hourlyUsd[,baselineCpu,source,asOf] but found "
                                + f.length + " fields");
            }
            boolean extended = f.length == 9;
            double baseline = extended && !f[6].isBlank() ? Double.parseDouble(f[6].strip()) : 0;
            types.add(new InstanceType(
                    f[0].strip(),
                    f[1].strip(),
                    f[2].strip(),
                    Integer.parseInt(f[3].strip()),
                    Double.parseDouble(f[4].strip()),
                    Double.parseDouble(f[5].strip()),
                    baseline,
                    extended && !f[7].isBlank() ? f[7].strip() : origin,
                    extended ? f[8].strip() : ""));
        });
        return types;
    }
}
