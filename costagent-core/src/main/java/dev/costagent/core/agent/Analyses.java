package dev.costagent.core.agent;

import dev.costagent.core.analysis.anomaly.AnomalyScan;
import dev.costagent.core.analysis.forecast.Forecast;
import java.util.List;

/**
 * The analysis stage's results, as the analysis engine produced them.
 *
 * @param forecast month-to-date, end-of-month and next-days forecast of daily usage cost; {@code null} without data
 * @param anomalies the anomaly scan of the total, ServiceName, SubAccountId and RegionId series
 * @param breakdown usage cost by ServiceName with shares, largest first
 */
public record Analyses(Forecast forecast, AnomalyScan anomalies, List<CostOverview.ServiceShare> breakdown) {

    /** Copies the list. */
    public Analyses {
        breakdown = List.copyOf(breakdown);
    }
}
