package dev.costagent.core.recommend.inventory;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.recommend.catalog.InstanceType;
import java.util.Optional;

/**
 * The instance type found for a resource, and where it was found.
 *
 * @param name the type name as found, e.g. {@code m5.xlarge}
 * @param source where: {@code inventory}, a column name such as {@code x_InstanceType}, or {@code ChargeDescription}
 * @param catalogEntry the catalog's entry for it, when the catalog knows the type
 */
public record ResolvedType(String name, String source, Optional<InstanceType> catalogEntry) {

    /** Checks the parts. */
    public ResolvedType {
        requireNonNull(name, "name");
        requireNonNull(source, "source");
        requireNonNull(catalogEntry, "catalogEntry");
    }
}
