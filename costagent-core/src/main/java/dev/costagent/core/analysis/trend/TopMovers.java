package dev.costagent.core.analysis.trend;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The dimension values whose cost changed most between two periods. Period costs are decimals of 6 places (a
 * millionth of a currency unit) and changes are exact differences of those, so
 * {@code Σ movers.change + others.change == totalChange} holds exactly, and {@code totalChange} is the change of the
 * summed period costs.
 *
 * @param dimension the dimension label
 * @param currentFrom first day of the current period
 * @param currentTo last day of the current period
 * @param previousFrom first day of the previous period
 * @param previousTo last day of the previous period
 * @param totalChange the change of all values together
 * @param movers the largest absolute changes, largest first
 * @param others every other value folded into one entry (value {@code (others)}); zero change when there are none
 */
public record TopMovers(
        String dimension,
        @JsonSerialize(using = ToStringSerializer.class) LocalDate currentFrom,
        @JsonSerialize(using = ToStringSerializer.class) LocalDate currentTo,
        @JsonSerialize(using = ToStringSerializer.class) LocalDate previousFrom,
        @JsonSerialize(using = ToStringSerializer.class) LocalDate previousTo,
        BigDecimal totalChange,
        List<Mover> movers,
        Mover others) {

    /** The label of the folded remainder. */
    public static final String OTHERS = "(others)";

    /** Copies the list. */
    public TopMovers {
        requireNonNull(dimension, "dimension");
        requireNonNull(totalChange, "totalChange");
        movers = List.copyOf(movers);
        requireNonNull(others, "others");
    }

    /**
     * One value's change.
     *
     * @param value the dimension value
     * @param previous its cost in the previous period
     * @param current its cost in the current period
     * @param change current − previous, exact
     * @param shareOfChange change / totalChange (0 when the total did not change)
     */
    public record Mover(
            String value, BigDecimal previous, BigDecimal current, BigDecimal change, double shareOfChange) {}
}
