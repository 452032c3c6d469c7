package dev.costagent.core.analysis.trend;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Cost split by the values of one dimension, largest first.
 *
 * @param dimension the dimension label
 * @param total the cost of all values
 * @param items one per value
 */
public record Breakdown(String dimension, double total, List<Item> items) {

    /** Copies the list. */
    public Breakdown {
        requireNonNull(dimension, "dimension");
        items = List.copyOf(items);
    }

    /**
     * One value's cost.
     *
     * @param value the dimension value
     * @param cost its cost
     * @param share cost / total (0 when the total is 0)
     */
    public record Item(String value, double cost, double share) {}
}
