package dev.costagent.core.table;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps the rows whose value of a dimension is (or, when {@code exclude}, is not) one of the given values. A
 * {@code null} in {@code values} matches rows without a value.
 *
 * @param dimension what to test
 * @param values the accepted (or rejected) keys, in the same string form as query results
 * @param exclude whether to keep rows that do not match instead
 */
public record Filter(Dimension dimension, Set<String> values, boolean exclude) {

    /** Copies the values. */
    public Filter {
        requireNonNull(dimension, "dimension");
        requireNonNull(values, "values");
        values = FilterValues.of(values);
    }

    /** Rows whose dimension equals one of the values. */
    public static Filter in(Dimension dimension, String... values) {
        return new Filter(dimension, new LinkedHashSet<>(Arrays.asList(values)), false);
    }

    /** Rows whose dimension equals none of the values. */
    public static Filter notIn(Dimension dimension, String... values) {
        return new Filter(dimension, new LinkedHashSet<>(Arrays.asList(values)), true);
    }

    /** Whether a key passes the filter. */
    public boolean accepts(String key) {
        return values.contains(key) != exclude;
    }

    // equals and hashCode written out: a record's generated ones are linked on first use (an invokedynamic bootstrap),
    // which in a one-shot process costs milliseconds of the stage that first compares filters
    @Override
    public boolean equals(Object o) {
        return o instanceof Filter f
                && exclude == f.exclude
                && dimension.equals(f.dimension)
                && values.equals(f.values);
    }

    @Override
    public int hashCode() {
        return (dimension.hashCode() * 31 + values.hashCode()) * 31 + Boolean.hashCode(exclude);
    }
}
