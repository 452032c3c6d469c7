package dev.costagent.datagen;

import dev.costagent.core.recommend.catalog.InstanceCatalog;
import dev.costagent.core.recommend.catalog.InstanceType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The instance sizes the generator draws compute rows from: a fixed choice of 25 sizes out of the recommender's shipped
 * {@link InstanceCatalog}, so that generated prices, sizes and families are the ones the recommender reasons with (one
 * catalogue: {@code core/recommend/catalog/instances.csv}, with its sources and dates).
 *
 * <p>The catalogue names providers {@code AWS}, {@code Azure} and {@code GCP}; FOCUS rows name them {@code AWS},
 * {@code Microsoft} and {@code Google Cloud}. This class speaks FOCUS names: {@link #forProvider} takes them and
 * {@link #focusProvider} gives them.
 */
final class InstancePriceList {

    /** The sizes drawn, AWS first, then Azure, then Google Cloud; within a family smallest first. */
    private static final List<String> DRAWN = List.of(
            "t3.micro",
            "t3.small",
            "t3.medium",
            "t3.large",
            "t3.xlarge",
            "m5.large",
            "m5.xlarge",
            "m5.2xlarge",
            "m5.4xlarge",
            "c5.large",
            "c5.xlarge",
            "c5.2xlarge",
            "c5.4xlarge",
            "r5.large",
            "r5.xlarge",
            "r5.2xlarge",
            "r5.4xlarge",
            "Standard_D2s_v5",
            "Standard_D4s_v5",
            "Standard_D8s_v5",
            "Standard_D16s_v5",
            "n2-standard-2",
            "n2-standard-4",
            "n2-standard-8",
            "n2-standard-16");

    private static final Map<String, String> FOCUS_PROVIDER =
            Map.of("AWS", CloudCatalog.AWS, "Azure", CloudCatalog.AZURE, "GCP", CloudCatalog.GCP);

    private static final List<InstanceType> TYPES = load();

    private InstancePriceList() {}

    private static List<InstanceType> load() {
        InstanceCatalog catalog = InstanceCatalog.shipped();
        List<InstanceType> types = new ArrayList<>();
        for (String name : DRAWN) {
            types.add(catalog.find(name)
                    .orElseThrow(() -> new IllegalStateException("the shipped catalog lacks " + name)));
        }
        return List.copyOf(types);
    }

    /** Every drawn size. */
    static List<InstanceType> all() {
        return TYPES;
    }

    /** The drawn sizes of one provider, by its FOCUS name ({@code AWS}, {@code Microsoft}, {@code Google Cloud}). */
    static List<InstanceType> forProvider(String focusProvider) {
        List<InstanceType> result = new ArrayList<>();
        for (InstanceType type : TYPES) {
            if (focusProvider(type).equals(focusProvider)) {
                result.add(type);
            }
        }
        return result;
    }

    /** The drawn size with this exact name. */
    static java.util.Optional<InstanceType> byName(String name) {
        return TYPES.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The drawn sizes of one family, smallest first. */
    static List<InstanceType> family(String family) {
        List<InstanceType> result = new ArrayList<>();
        for (InstanceType type : TYPES) {
            if (type.family().equals(family)) {
                result.add(type);
            }
        }
        result.sort(Comparator.comparingInt(InstanceType::vcpu));
        return result;
    }

    /** The size's provider as FOCUS rows name it. */
    static String focusProvider(InstanceType type) {
        String name = FOCUS_PROVIDER.get(type.provider());
        if (name == null) {
            throw new IllegalStateException("no FOCUS provider name for catalog provider " + type.provider());
        }
        return name;
    }

    /** The on-demand hourly list price, exactly as the catalogue writes it. */
    static BigDecimal hourlyPrice(InstanceType type) {
        return BigDecimal.valueOf(type.hourlyUsd());
    }
}
