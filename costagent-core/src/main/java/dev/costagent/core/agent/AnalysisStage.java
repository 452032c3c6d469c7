package dev.costagent.core.agent;

import dev.costagent.core.analysis.AnalysisReport;
import dev.costagent.core.analysis.Analyzer;
import dev.costagent.core.analysis.anomaly.Anomaly;
import dev.costagent.core.analysis.forecast.ForecastPoint;
import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.trend.Breakdown;
import dev.costagent.core.analysis.utilization.UtilizationClassifier;
import dev.costagent.core.analysis.utilization.UtilizationSeries;
import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import dev.costagent.core.recommend.model.AnomalySignal;
import dev.costagent.core.table.QueryEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The analyze stage: the {@link Analyzer}'s report (breakdowns, trends, forecast, anomalies, commitments), CPU
 * verdicts, and the chart figures. Stateless; the agent caches its result per data.
 */
final class AnalysisStage {

    private static final int TOP_SERVICES = 10;
    private static final String SERVICE_NAME = "ServiceName";

    private final Analyzer analyzer;
    private final UtilizationClassifier classifier = new UtilizationClassifier();

    AnalysisStage(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The stage's output. */
    record Result(
            AnalysisReport report,
            CostOverview overview,
            List<UtilizationVerdict> verdicts,
            List<AnomalySignal> anomalySignals) {}

    /** One verdict per resource with CPU samples, with its memory and network series when given, in id order. */
    List<UtilizationVerdict> verdicts(List<UtilizationSeries> series) {
        List<UtilizationVerdict> verdicts = new ArrayList<>(classifier.classifyAll(series));
        verdicts.sort(Comparator.comparing(UtilizationVerdict::resourceId));
        return List.copyOf(verdicts);
    }

    /**
     * The stage over the billing data, with the {@linkplain #verdicts verdicts} of the run's utilization series;
     * {@code mainSeriesRead} runs once the main series are read ({@link Analyzer#analyze(QueryEngine, Runnable)}).
     */
    Result analyze(QueryEngine engine, List<UtilizationVerdict> verdicts, Runnable mainSeriesRead) {
        AnalysisReport report = analyzer.analyze(engine, mainSeriesRead).withUtilization(verdicts);

        List<CostOverview.DailyCost> daily = new ArrayList<>();
        DailySeries total = report.dailyTotal(); // null without data
        for (int i = 0; total != null && i < total.axis().days(); i++) {
            daily.add(new CostOverview.DailyCost(total.axis().day(i).toString(), total.at(i)));
        }
        List<CostOverview.ForecastPoint> band = new ArrayList<>();
        if (report.forecast() != null) {
            for (ForecastPoint p : report.forecast().daily()) {
                band.add(new CostOverview.ForecastPoint(
                        p.date().toString(), p.value(), p.lower80(), p.upper80(), p.lower95(), p.upper95()));
            }
        }
        List<CostOverview.AnomalyMarker> markers = new ArrayList<>();
        List<AnomalySignal> signals = new ArrayList<>();
        for (Anomaly a : report.anomalies()) {
            markers.add(new CostOverview.AnomalyMarker(
                    a.date().toString(),
                    a.dimension(),
                    a.value(),
                    a.impact(),
                    a.severity().toString()));
            signals.add(AnomalySignal.of(a));
        }
        List<CostOverview.ServiceShare> services = new ArrayList<>();
        for (Breakdown b : report.breakdowns()) {
            if (SERVICE_NAME.equals(b.dimension())) {
                for (Breakdown.Item item : b.items()) {
                    services.add(new CostOverview.ServiceShare(item.value(), item.cost(), item.share()));
                }
            }
        }
        services.sort(Comparator.comparingDouble(CostOverview.ServiceShare::cost)
                .reversed()
                .thenComparing(CostOverview.ServiceShare::service, Comparator.nullsFirst(Comparator.naturalOrder())));
        CostOverview overview =
                new CostOverview(daily, band, markers, services.subList(0, Math.min(TOP_SERVICES, services.size())));
        return new Result(report, overview, verdicts, signals);
    }
}
