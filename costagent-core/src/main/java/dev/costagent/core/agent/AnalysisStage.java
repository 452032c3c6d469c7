package dev.costagent.core.agent;

import dev.costagent.core.analysis.anomaly.Anomaly;
import dev.costagent.core.analysis.anomaly.AnomalyDetector;
import dev.costagent.core.analysis.anomaly.AnomalyScan;
import dev.costagent.core.analysis.forecast.Forecast;
import dev.costagent.core.analysis.forecast.ForecastPoint;
import dev.costagent.core.analysis.forecast.Forecaster;
import dev.costagent.core.analysis.series.DailySeries;
import dev.costagent.core.analysis.series.DailySeriesReader;
import dev.costagent.core.analysis.series.DailySeriesSet;
import dev.costagent.core.analysis.series.SeriesScope;
import dev.costagent.core.analysis.utilization.UtilizationClassifier;
import dev.costagent.core.analysis.utilization.UtilizationSeries;
import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.recommend.AnomalySignal;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.QueryEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The analyze stage: daily series (one grouped query per scanned dimension, shared by the forecast, the anomaly scan
 * and the service breakdown), forecast, anomalies and CPU verdicts. Stateless; the agent caches its result per data.
 */
final class AnalysisStage {

    private static final Executor SAME_THREAD = Runnable::run;
    private static final int TOP_SERVICES = 10;

    private final AnomalyDetector detector;
    private final Forecaster forecaster;
    private final UtilizationClassifier classifier = new UtilizationClassifier();

    AnalysisStage(AnomalyDetector detector, Forecaster forecaster) {
        this.detector = detector;
        this.forecaster = forecaster;
    }

    /** The stage's output. */
    record Result(Analyses analyses, CostOverview overview, List<UtilizationVerdict> verdicts,
            List<AnomalySignal> anomalySignals, List<String> warnings) {}

    Result analyze(QueryEngine engine, List<UtilizationSeries> cpu) {
        List<String> warnings = new ArrayList<>();
        SeriesScope scope = SeriesScope.usage();
        List<Dimension> dims = new ArrayList<>(detector.dimensions());
        Dimension service = Dimension.of(FocusColumn.SERVICE_NAME);
        if (!dims.contains(service)) {
            dims.add(service);
        }
        DailySeriesReader reader = new DailySeriesReader(engine, scope);
        List<DailySeriesSet> sets = reader.byDimensions(dims, SAME_THREAD);
        DailySeries total = sets.isEmpty() ? reader.total() : sets.get(0).total();

        Forecast forecast = null;
        if (total.axis().days() > 0) {
            forecast = forecaster.forecast(total);
        } else {
            warnings.add("no usage cost: nothing to forecast");
        }
        List<DailySeriesSet> scanned = new ArrayList<>();
        for (DailySeriesSet set : sets) {
            if (detector.dimensions().stream().anyMatch(d -> d.label().equals(set.dimension()))) {
                scanned.add(set);
            }
        }
        AnomalyScan scan = detector.scan(engine, scope, total, scanned, SAME_THREAD);
        if (scan.status() == AnomalyScan.Status.INSUFFICIENT_HISTORY) {
            warnings.add("anomaly scan skipped: " + scan.historyDays() + " days of history, " + scan.requiredDays()
                    + " needed");
        }

        List<CostOverview.ServiceShare> breakdown = new ArrayList<>();
        double sum = total.sum();
        for (DailySeriesSet set : sets) {
            if (set.dimension().equals(service.label())) {
                for (DailySeries s : set.series()) {
                    breakdown.add(new CostOverview.ServiceShare(s.value(), s.sum(), sum == 0 ? 0 : s.sum() / sum));
                }
            }
        }
        breakdown.sort(Comparator.comparingDouble(CostOverview.ServiceShare::cost).reversed()
                .thenComparing(CostOverview.ServiceShare::service, Comparator.nullsFirst(Comparator.naturalOrder())));

        List<CostOverview.DailyCost> daily = new ArrayList<>(total.axis().days());
        for (int i = 0; i < total.axis().days(); i++) {
            daily.add(new CostOverview.DailyCost(total.axis().day(i).toString(), total.at(i)));
        }
        List<CostOverview.ForecastPoint> band = new ArrayList<>();
        if (forecast != null) {
            for (ForecastPoint p : forecast.daily()) {
                band.add(new CostOverview.ForecastPoint(p.date().toString(), p.value(), p.lower80(), p.upper80(),
                        p.lower95(), p.upper95()));
            }
        }
        List<CostOverview.AnomalyMarker> markers = new ArrayList<>();
        List<AnomalySignal> signals = new ArrayList<>();
        for (Anomaly a : scan.anomalies()) {
            markers.add(new CostOverview.AnomalyMarker(a.date().toString(), a.dimension(), a.value(), a.impact(),
                    a.severity().toString()));
            signals.add(new AnomalySignal(a.dimension(), a.value(), a.date(), a.actual(), a.expected(),
                    a.severity().toString()));
        }
        List<UtilizationVerdict> verdicts = new ArrayList<>();
        for (UtilizationSeries series : cpu) {
            if ("cpu".equals(series.metric())) { // verdicts are CPU rules; other metrics are context only
                verdicts.add(classifier.classify(series));
            }
        }
        verdicts.sort(Comparator.comparing(UtilizationVerdict::resourceId));
        CostOverview overview = new CostOverview(daily, band, markers,
                breakdown.subList(0, Math.min(TOP_SERVICES, breakdown.size())));
        return new Result(new Analyses(forecast, scan, breakdown), overview, verdicts, signals, warnings);
    }
}
