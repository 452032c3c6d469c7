package dev.costagent.perf.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * One measured figure as a number with its unit: what requirements, JSON, CSV and reporters read. Its
 * {@link #key()} joins name and unit, such as {@code "median_ns"} or {@code "cache.misses_count"}, so a reader of
 * the JSON never has to guess the unit.
 *
 * @param name  what was measured, such as {@code "median"} or {@code "cache.misses"}
 * @param unit  the unit, such as {@code "ns"}, {@code "bytes"}, {@code "ops_per_s"}, {@code "count"},
 *              {@code "ratio"} or {@code "percent"}
 * @param value the value; NaN when it could not be measured
 */
public record Metric(String name, String unit, double value) {

    /** Validates. */
    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (name.isBlank() || unit.isBlank()) {
            throw new IllegalArgumentException("a metric needs a name and a unit, got '" + name + "' '" + unit + "'");
        }
    }

    /** The name with the unit at the end, the key in JSON and CSV: {@code name + "_" + unit}, spaces as {@code _}. */
    public String key() {
        return (name + "_" + unit).trim().replaceAll("\\s+", "_").toLowerCase(Locale.ROOT);
    }
}
