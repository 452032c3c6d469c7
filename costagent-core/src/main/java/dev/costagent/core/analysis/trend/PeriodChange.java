package dev.costagent.core.analysis.trend;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.LocalDate;

/**
 * The change between two equally long periods of days.
 *
 * @param currentFrom first day of the current period
 * @param currentTo last day of the current period
 * @param previousFrom first day of the previous period
 * @param previousTo last day of the previous period
 * @param current cost of the current period
 * @param previous cost of the previous period
 * @param change current − previous
 * @param changePercent change / previous × 100; {@code null} when previous is 0
 */
public record PeriodChange(
        @JsonSerialize(using = ToStringSerializer.class) LocalDate currentFrom,
        @JsonSerialize(using = ToStringSerializer.class) LocalDate currentTo,
        @JsonSerialize(using = ToStringSerializer.class) LocalDate previousFrom,
        @JsonSerialize(using = ToStringSerializer.class) LocalDate previousTo,
        double current,
        double previous,
        double change,
        Double changePercent) {

    static PeriodChange of(
            LocalDate currentFrom,
            LocalDate currentTo,
            LocalDate previousFrom,
            LocalDate previousTo,
            double current,
            double previous) {
        double change = current - previous;
        return new PeriodChange(
                currentFrom,
                currentTo,
                previousFrom,
                previousTo,
                current,
                previous,
                change,
                previous == 0 ? null : 100 * change / Math.abs(previous));
    }
}
