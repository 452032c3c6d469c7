package dev.costagent.core.analysis;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.costagent.core.analysis.anomaly.Anomaly;
import dev.costagent.core.analysis.anomaly.AnomalyScan;
import dev.costagent.core.analysis.anomaly.PartialDay;
import dev.costagent.core.analysis.commitment.CommitmentReport;
import dev.costagent.core.analysis.forecast.Forecast;
import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.trend.Breakdown;
import dev.costagent.core.analysis.trend.Trends;
import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything {@link Analyzer} found, as immutable values that serialize to JSON with a plain Jackson
 * {@code ObjectMapper} (dates as {@code 2024-09-18}). Members are {@code null} where there was no data for them; see
 * {@link #warnings()}.
 *
 * @param metric the summed metric, e.g. {@code EffectiveCost}
 * @param scope the row filters, e.g. {@code ChargeCategory in [Usage]}
 * @param firstDay the first day with data in scope
 * @param lastDay the last day with data in scope
 * @param days days from first to last
 * @param total the cost in scope
 * @param dailyTotal the total per day (missing days zero), e.g. for a chart; {@code null} without data
 * @param breakdowns cost by the values of each analysed dimension, with shares
 * @param trends week and month over month, slope, breakdown and top movers of the total (movers by the first
 *     dimension)
 * @param forecast month to date, end of month and the next days of the total
 * @param anomalies anomalous days of the total and of each dimension value, with root causes
 * @param anomalyStatus whether there was enough history for the anomaly scan
 * @param anomalyMethod how anomalies were found
 * @param commitments commitment coverage and utilization
 * @param utilization utilization verdicts, when series were given
 * @param warnings what could not be analysed and why
 * @param invoiceForecast the invoice's forecast: BilledCost of every charge category (purchases, credits, tax and
 *     fees included), to compare with a budget; {@code null} without data
 * @param partialDay the last day when the export holds only part of it (a data-quality warning: it is left out of the
 *     anomaly scan and the forecast's fit); {@code null} when it looks complete
 */
public record AnalysisReport(
        String metric,
        String scope,
        @JsonSerialize(using = ToStringSerializer.class) LocalDate firstDay,
        @JsonSerialize(using = ToStringSerializer.class) LocalDate lastDay,
        int days,
        double total,
        DailySeries dailyTotal,
        List<Breakdown> breakdowns,
        Trends trends,
        Forecast forecast,
        List<Anomaly> anomalies,
        AnomalyScan.Status anomalyStatus,
        String anomalyMethod,
        CommitmentReport commitments,
        List<UtilizationVerdict> utilization,
        List<String> warnings,
        Forecast invoiceForecast,
        PartialDay partialDay) {

    /** A report whose last day looks complete. */
    public AnalysisReport(
            String metric,
            String scope,
            LocalDate firstDay,
            LocalDate lastDay,
            int days,
            double total,
            DailySeries dailyTotal,
            List<Breakdown> breakdowns,
            Trends trends,
            Forecast forecast,
            List<Anomaly> anomalies,
            AnomalyScan.Status anomalyStatus,
            String anomalyMethod,
            CommitmentReport commitments,
            List<UtilizationVerdict> utilization,
            List<String> warnings,
            Forecast invoiceForecast) {
        this(
                metric,
                scope,
                firstDay,
                lastDay,
                days,
                total,
                dailyTotal,
                breakdowns,
                trends,
                forecast,
                anomalies,
                anomalyStatus,
                anomalyMethod,
                commitments,
                utilization,
                warnings,
                invoiceForecast,
                null);
    }

    /** Copies the lists. */
    public AnalysisReport {
        breakdowns = List.copyOf(breakdowns);
        anomalies = List.copyOf(anomalies);
        utilization = List.copyOf(utilization);
        warnings = List.copyOf(warnings);
    }

    /** The same report with utilization verdicts. */
    public AnalysisReport withUtilization(List<UtilizationVerdict> verdicts) {
        return new AnalysisReport(
                metric,
                scope,
                firstDay,
                lastDay,
                days,
                total,
                dailyTotal,
                breakdowns,
                trends,
                forecast,
                anomalies,
                anomalyStatus,
                anomalyMethod,
                commitments,
                verdicts,
                warnings,
                invoiceForecast,
                partialDay);
    }
}
