package dev.costagent.core.agent;

import dev.costagent.core.analysis.AnalysisReport;
import dev.costagent.core.analysis.anomaly.Anomaly;
import dev.costagent.core.narrate.Facts;
import dev.costagent.core.recommend.model.Recommendation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts handed to the narrator: the summary, the forecast, the three largest recent anomalies and the top
 * recommendations. Only numbers from the report, so a narrator cannot be led to invent any.
 */
final class NarrationFacts {

    private static final int ANOMALIES = 3;

    private NarrationFacts() {}

    static List<Facts> of(
            ReportSummary summary,
            AnalysisReport analyses,
            List<Recommendation> recommendations,
            int topRecommendations) {
        List<Facts> facts = new ArrayList<>();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rows", summary.rows());
        s.put("currency", summary.currency());
        s.put("firstDay", summary.firstDay());
        s.put("lastDay", summary.lastDay());
        s.put("totalCost", summary.totalCost());
        s.put("totalMetric", "EffectiveCost");
        s.put("totalScope", "all charge categories");
        if (Math.abs(summary.totalCost() - analyses.total()) >= 0.005) {
            // two totals differ: say which is which and why
            s.put("usageCost", analyses.total());
            s.put("usageMetric", analyses.metric());
            s.put("usageScope", analyses.scope());
            s.put("otherCharges", summary.totalCost() - analyses.total());
        }
        s.put("recommendations", summary.recommendations());
        s.put("quickWins", summary.quickWins());
        s.put("monthlySavings", summary.monthlySavings());
        s.put("annualSavings", summary.annualSavings());
        facts.add(new Facts("summary", "summary", s));

        if (analyses.forecast() != null) {
            var fc = analyses.forecast();
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("metric", analyses.metric());
            f.put("scope", analyses.scope());
            f.put("currency", summary.currency());
            f.put("monthToDate", fc.monthToDate());
            if (analyses.partialDay() != null) {
                // a data-quality warning the reader must see beside the forecast it changes
                f.put("partialDay", analyses.partialDay().day().toString());
                f.put(
                        "partialCompleteness",
                        String.format(
                                java.util.Locale.ROOT,
                                "%.0f",
                                100 * analyses.partialDay().completeness()));
            }
            if (fc.remainingDays() > 0) {
                f.put("endOfMonth", fc.endOfMonth());
                f.put("lower80", fc.lower80());
                f.put("upper80", fc.upper80());
                f.put("horizonDaysAfterMonth", fc.daily().size());
            } else {
                f.put("horizonDays", fc.daily().size());
            }
            if (fc.nextDays() != null && !fc.daily().isEmpty()) {
                f.put("horizonEnd", fc.nextDays().date().toString());
                f.put("nextDaysTotal", fc.nextDays().value());
                f.put("nextLower80", fc.nextDays().lower80());
                f.put("nextUpper80", fc.nextDays().upper80());
            }
            var invoice = analyses.invoiceForecast();
            if (invoice != null
                    && invoice.nextDays() != null
                    && !invoice.daily().isEmpty()) {
                f.put("invoiceMetric", "BilledCost");
                f.put("invoiceScope", "all charge categories");
                f.put("invoiceNextDaysTotal", invoice.nextDays().value());
                f.put("invoiceLower80", invoice.nextDays().lower80());
                f.put("invoiceUpper80", invoice.nextDays().upper80());
            }
            f.put("method", fc.method());
            facts.add(new Facts("forecast", "forecast", f));
        }
        List<Anomaly> anomalies = new ArrayList<>(analyses.anomalies());
        anomalies.sort(Comparator.comparingDouble((Anomaly a) -> -Math.abs(a.impact()))
                .thenComparing(a -> a.date().toString())
                .thenComparing(Anomaly::dimension)
                .thenComparing(Anomaly::value));
        for (Anomaly a : anomalies.subList(0, Math.min(ANOMALIES, anomalies.size()))) {
            Map<String, Object> f = new LinkedHashMap<>();
            if (a.days() > 1) {
                f.put("date", a.date().toString());
                f.put("lastDate", a.lastDate().toString());
            } else {
                f.put("day", a.date().toString());
            }
            f.put("currency", summary.currency());
            f.put("actual", a.actual());
            f.put("expected", a.expected());
            f.put("kind", a.kind() == dev.costagent.core.analysis.anomaly.AnomalyKind.RISE ? "rise" : "drop");
            f.put("impact", Math.abs(a.impact())); // "a drop of 3.26", its direction in "kind"
            f.put("severity", a.severity().toString());
            if (!a.rootCauses().isEmpty()) {
                var cause = a.rootCauses().get(0);
                f.put("topRootCause", cause.dimension() + "=" + cause.value());
                f.put("topRootCauseContribution", cause.contribution());
            }
            if (!a.seenIn().isEmpty()) {
                f.put("seenIn", String.join(", ", a.seenIn()));
            }
            facts.add(new Facts("anomaly:" + a.dimension() + "=" + a.value() + "@" + a.date(), "anomaly", f));
        }
        for (Recommendation r : recommendations.subList(0, Math.min(topRecommendations, recommendations.size()))) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", r.type().name());
            f.put("resourceId", r.resourceId());
            f.put("action", r.title());
            f.put("currency", summary.currency());
            f.put("monthlySavings", r.monthlySavings());
            f.put("annualSavings", r.annualSavings());
            f.put("confidence", r.confidence());
            f.put("risk", r.risk().name());
            f.put("formula", r.evidence().formula());
            facts.add(new Facts("recommendation:" + r.id(), "recommendation", f));
        }
        return facts;
    }
}
