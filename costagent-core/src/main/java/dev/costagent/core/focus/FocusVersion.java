package dev.costagent.core.focus;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The FOCUS specification versions costagent reads. A file's version is detected from its columns (the newest version
 * that introduced one of them) or given by the user; it decides which columns are mandatory.
 */
public enum FocusVersion {
    /** FOCUS 1.0 (June 2024). */
    V1_0("1.0"),
    /** FOCUS 1.1 (November 2024): capacity reservations, commitment quantities, SkuMeter, SkuPriceDetails. */
    V1_1("1.1"),
    /** FOCUS 1.2 (May 2025): account types, InvoiceId, pricing currency. */
    V1_2("1.2"),
    /** FOCUS 1.3: ServiceProviderName and HostProviderName (replacing ProviderName, PublisherName), allocation. */
    V1_3("1.3");

    private final String label;

    FocusVersion(String label) {
        this.label = label;
    }

    /** The version as the specification writes it, e.g. {@code 1.2}. */
    public String label() {
        return label;
    }

    /**
     * The version with this label ({@code 1.2}, {@code v1.2} or {@code 1.2.0}).
     *
     * @throws IllegalArgumentException naming the versions costagent knows
     */
    public static FocusVersion parse(String text) {
        String cleaned = text.strip().toLowerCase(Locale.ROOT);
        if (cleaned.startsWith("v")) {
            cleaned = cleaned.substring(1);
        }
        if (cleaned.endsWith(".0") && cleaned.length() == 5) {
            cleaned = cleaned.substring(0, 3);
        }
        for (FocusVersion version : values()) {
            if (version.label.equals(cleaned)) {
                return version;
            }
        }
        throw new IllegalArgumentException("unknown FOCUS version '" + text + "' (known: "
                + Arrays.stream(values()).map(FocusVersion::label).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return label;
    }
}
