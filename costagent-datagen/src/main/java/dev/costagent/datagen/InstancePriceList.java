package dev.costagent.datagen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The small built-in list of instance sizes the generator prices compute rows with.
 *
 * <p>Source: approximate public on-demand Linux list prices per hour in USD, as published on the providers' pricing
 * pages in 2024 for AWS us-east-1, Azure East US and Google Cloud us-central1. They are rounded and meant to make
 * generated data look realistic, not to quote anyone a price.
 */
public final class InstancePriceList {

    private static final List<InstanceType> TYPES = List.of(
            aws("t3.micro", "t3", 2, 1, "0.0104"),
            aws("t3.small", "t3", 2, 2, "0.0208"),
            aws("t3.medium", "t3", 2, 4, "0.0416"),
            aws("t3.large", "t3", 2, 8, "0.0832"),
            aws("t3.xlarge", "t3", 4, 16, "0.1664"),
            aws("m5.large", "m5", 2, 8, "0.096"),
            aws("m5.xlarge", "m5", 4, 16, "0.192"),
            aws("m5.2xlarge", "m5", 8, 32, "0.384"),
            aws("m5.4xlarge", "m5", 16, 64, "0.768"),
            aws("c5.large", "c5", 2, 4, "0.085"),
            aws("c5.xlarge", "c5", 4, 8, "0.17"),
            aws("c5.2xlarge", "c5", 8, 16, "0.34"),
            aws("c5.4xlarge", "c5", 16, 32, "0.68"),
            aws("r5.large", "r5", 2, 16, "0.126"),
            aws("r5.xlarge", "r5", 4, 32, "0.252"),
            aws("r5.2xlarge", "r5", 8, 64, "0.504"),
            aws("r5.4xlarge", "r5", 16, 128, "1.008"),
            azure("Standard_D2s_v5", 2, 8, "0.096"),
            azure("Standard_D4s_v5", 4, 16, "0.192"),
            azure("Standard_D8s_v5", 8, 32, "0.384"),
            azure("Standard_D16s_v5", 16, 64, "0.768"),
            gcp("n2-standard-2", 2, 8, "0.0971"),
            gcp("n2-standard-4", 4, 16, "0.1942"),
            gcp("n2-standard-8", 8, 32, "0.3885"),
            gcp("n2-standard-16", 16, 64, "0.7769"));

    private InstancePriceList() {}

    /** Every built-in size, AWS first, then Azure, then Google Cloud; within a family smallest first. */
    public static List<InstanceType> all() {
        return TYPES;
    }

    /** The sizes of one provider ({@code AWS}, {@code Microsoft}, {@code Google Cloud}). */
    public static List<InstanceType> forProvider(String provider) {
        List<InstanceType> result = new ArrayList<>();
        for (InstanceType type : TYPES) {
            if (type.provider().equals(provider)) {
                result.add(type);
            }
        }
        return result;
    }

    /** The size with this exact name. */
    public static Optional<InstanceType> byName(String name) {
        for (InstanceType type : TYPES) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The sizes of one family, smallest first. */
    public static List<InstanceType> family(String family) {
        List<InstanceType> result = new ArrayList<>();
        for (InstanceType type : TYPES) {
            if (type.family().equals(family)) {
                result.add(type);
            }
        }
        result.sort(Comparator.comparingInt(InstanceType::vcpu));
        return result;
    }

    private static InstanceType aws(String name, String family, int vcpu, double memory, String price) {
        return new InstanceType("AWS", name, family, vcpu, memory, new BigDecimal(price));
    }

    private static InstanceType azure(String name, int vcpu, double memory, String price) {
        return new InstanceType("Microsoft", name, "Dsv5", vcpu, memory, new BigDecimal(price));
    }

    private static InstanceType gcp(String name, int vcpu, double memory, String price) {
        return new InstanceType("Google Cloud", name, "n2-standard", vcpu, memory, new BigDecimal(price));
    }
}
