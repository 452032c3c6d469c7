package dev.costagent.core.analysis.forecast;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.LocalDate;
import java.util.List;

/**
 * A cost forecast: the current month (actual to date, forecast to its end) and the next days.
 *
 * @param method the model, e.g. {@code holt-winters-additive-damped (ETS(A,Ad,A), season 7)}
 * @param parameters the fitted smoothing parameters and error scale
 * @param lastActualDate the last day with data
 * @param monthToDate actual cost of the month of {@code lastActualDate} up to and including that day
 * @param endOfMonth monthToDate plus the forecast of the month's remaining days
 * @param lower80 lower bound of the 80% interval of endOfMonth
 * @param upper80 upper bound of the 80% interval of endOfMonth
 * @param lower95 lower bound of the 95% interval of endOfMonth
 * @param upper95 upper bound of the 95% interval of endOfMonth
 * @param remainingDays days left in the month after lastActualDate
 * @param nextDays the sum of the next {@code daily.size()} days, with its intervals
 * @param daily one point per forecast day
 */
public record Forecast(
        String method,
        Parameters parameters,
        @JsonSerialize(using = ToStringSerializer.class) LocalDate lastActualDate,
        double monthToDate,
        double endOfMonth,
        double lower80,
        double upper80,
        double lower95,
        double upper95,
        int remainingDays,
        ForecastPoint nextDays,
        List<ForecastPoint> daily) {

    /** Copies the list. */
    public Forecast {
        requireNonNull(method, "method");
        requireNonNull(parameters, "parameters");
        requireNonNull(lastActualDate, "lastActualDate");
        daily = List.copyOf(daily);
    }

    /**
     * The fitted model.
     *
     * @param alpha level smoothing
     * @param beta trend smoothing
     * @param gamma season smoothing
     * @param phi trend damping
     * @param sigma standard deviation of the one-step errors
     * @param observations days fitted
     */
    public record Parameters(double alpha, double beta, double gamma, double phi, double sigma, int observations) {}
}
