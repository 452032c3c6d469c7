package dev.costagent.core.source;

import java.util.Optional;

/**
 * Creates {@link CostSource}s from a location string, for inputs named on a command line or in configuration. Register
 * implementations in {@code META-INF/services/dev.costagent.core.source.CostSourceProvider}.
 */
public interface CostSourceProvider {

    /** A source for the location, if this provider understands it (e.g. a path, or {@code s3://...}). */
    Optional<CostSource> create(String location);
}
