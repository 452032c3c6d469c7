package dev.costagent.core.agent;

import java.util.List;

/**
 * The figures a report draws: daily cost with a forecast band, anomaly markers and the top services.
 *
 * @param daily usage cost per UTC day, oldest first
 * @param forecast forecast days after the last day of data, with 80% and 95% bands (empty when the analysis has none)
 * @param anomalies anomaly markers on the daily chart
 * @param topServices the services with the most cost, largest first
 */
public record CostOverview(
        List<DailyCost> daily,
        List<ForecastPoint> forecast,
        List<AnomalyMarker> anomalies,
        List<ServiceShare> topServices) {

    /** Nothing to draw. */
    public static final CostOverview EMPTY = new CostOverview(List.of(), List.of(), List.of(), List.of());

    /** Copies the lists. */
    public CostOverview {
        daily = List.copyOf(daily);
        forecast = List.copyOf(forecast);
        anomalies = List.copyOf(anomalies);
        topServices = List.copyOf(topServices);
    }

    /**
     * One day's cost.
     *
     * @param date the UTC day, {@code yyyy-MM-dd}
     * @param cost its cost
     */
    public record DailyCost(String date, double cost) {}

    /**
     * One forecast day.
     *
     * @param date the UTC day
     * @param expected the point forecast
     * @param lower80 80% interval, low end
     * @param upper80 80% interval, high end
     * @param lower95 95% interval, low end
     * @param upper95 95% interval, high end
     */
    public record ForecastPoint(
            String date, double expected, double lower80, double upper80, double lower95, double upper95) {}

    /**
     * An anomaly to mark on the daily chart.
     *
     * @param date the UTC day
     * @param dimension the scanned dimension
     * @param value its value
     * @param impact actual − expected
     * @param severity the severity label
     */
    public record AnomalyMarker(String date, String dimension, String value, double impact, String severity) {}

    /**
     * One service's cost and share of the total.
     *
     * @param service the ServiceName
     * @param cost its cost
     * @param share cost / total, 0–1
     */
    public record ServiceShare(String service, double cost, double share) {}
}
