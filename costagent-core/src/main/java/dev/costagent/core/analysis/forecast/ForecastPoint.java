package dev.costagent.core.analysis.forecast;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.LocalDate;

/**
 * The forecast of one day, or of a sum of days ending on {@code date}, with prediction intervals (bounds clipped at
 * zero: cost is never negative).
 *
 * @param date the (last) day
 * @param value the point forecast
 * @param lower80 lower bound of the 80% interval
 * @param upper80 upper bound of the 80% interval
 * @param lower95 lower bound of the 95% interval
 * @param upper95 upper bound of the 95% interval
 */
public record ForecastPoint(
        @JsonSerialize(using = ToStringSerializer.class) LocalDate date,
        double value,
        double lower80,
        double upper80,
        double lower95,
        double upper95) {

    static final double Z80 = 1.2815515655446004;
    static final double Z95 = 1.959963984540054;

    /** A point with symmetric normal intervals around {@code value}, none below {@code floor}. */
    static ForecastPoint of(LocalDate date, double value, double variance, double floor) {
        double sd = Math.sqrt(Math.max(variance, 0));
        return new ForecastPoint(
                date,
                Math.max(value, floor),
                Math.max(value - Z80 * sd, floor),
                Math.max(value + Z80 * sd, floor),
                Math.max(value - Z95 * sd, floor),
                Math.max(value + Z95 * sd, floor));
    }

    /** Whether an actual value lies in the 80% interval. */
    public boolean covers80(double actual) {
        return actual >= lower80 && actual <= upper80;
    }

    /** Whether an actual value lies in the 95% interval. */
    public boolean covers95(double actual) {
        return actual >= lower95 && actual <= upper95;
    }
}
