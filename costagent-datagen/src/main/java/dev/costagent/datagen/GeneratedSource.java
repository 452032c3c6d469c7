package dev.costagent.datagen;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.source.CostSource;
import dev.costagent.core.table.CostTable;

/**
 * Generated billing data as a {@link CostSource}: the generator's records go into the table through the columnar
 * builder, checked as a file's records are, with no CSV text in between. The same spec always gives
 * the same table; the id and version name the spec.
 */
public final class GeneratedSource implements CostSource {

    private final GeneratorSpec spec;

    private GeneratedSource(GeneratorSpec spec) {
        this.spec = requireNonNull(spec, "spec");
    }

    /** A source generating data for this spec. */
    public static GeneratedSource of(GeneratorSpec spec) {
        return new GeneratedSource(spec);
    }

    @Override
    public String id() {
        return "generated:seed=" + spec.seed() + ",rows=" + spec.rows();
    }

    @Override
    public String version() {
        return Integer.toHexString(spec.hashCode());
    }

    /** Builds the table from the generator's records directly, through the columnar builder (no CSV text). */
    @Override
    public CostTable load(ReadOptions options) {
        BillingGenerator generator = BillingGenerator.of(spec);
        return CostTable.of(generator, generator.extraColumns());
    }

    @Override
    public String toString() {
        return id();
    }
}
