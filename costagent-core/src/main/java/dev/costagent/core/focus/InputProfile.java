package dev.costagent.core.focus;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a read learned about the input as a whole: the FOCUS version it was read as and the granularity of each
 * provider's usage rows.
 *
 * @param focusVersion the version (declared by the user, else detected from the columns)
 * @param granularity per ProviderName (ServiceProviderName in 1.3 files without ProviderName), sorted by name; rows
 *     without a provider count under {@code ""}
 */
public record InputProfile(FocusVersion focusVersion, Map<String, Granularity> granularity) {

    /** Nothing known: FOCUS 1.0, no rows. */
    public static final InputProfile EMPTY = new InputProfile(FocusVersion.V1_0, Map.of());

    /** Copies the map, sorted. */
    public InputProfile {
        requireNonNull(focusVersion, "focusVersion");
        granularity = Collections.unmodifiableMap(new TreeMap<>(granularity));
    }

    /** The granularity of all providers together ({@link Granularity#MIXED} when they differ). */
    public Granularity overall() {
        Granularity all = Granularity.UNKNOWN;
        for (Granularity g : granularity.values()) {
            all = all.and(g);
        }
        return all;
    }

    /** This profile and another input's (e.g. two sources of one agent): the newer version, granularities joined. */
    public InputProfile and(InputProfile other) {
        FocusVersion version = focusVersion.compareTo(other.focusVersion) >= 0 ? focusVersion : other.focusVersion;
        Map<String, Granularity> joined = new TreeMap<>(granularity);
        other.granularity.forEach((provider, g) -> joined.merge(provider, g, Granularity::and));
        return new InputProfile(version, joined);
    }
}
