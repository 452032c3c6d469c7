package dev.costagent.core.agent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.costagent.core.analysis.AnalysisReport;
import dev.costagent.core.analysis.utilization.UtilizationVerdict;
import dev.costagent.core.narrate.Narrative;
import dev.costagent.core.recommend.model.Recommendation;
import java.util.List;

/**
 * Everything one run of the {@link CostAgent} found. Immutable; serialized by {@code dev.costagent.core.report}
 * with the schema documented there ({@link #SCHEMA_VERSION}).
 *
 * @param schemaVersion the JSON schema version of this report
 * @param runId unique per run
 * @param generatedAt when the run finished, ISO 8601 UTC, from the agent's clock
 * @param summary the headline numbers
 * @param overview the figures the HTML report draws
 * @param analyses the analysis engine's report: breakdowns, trends, forecast, anomalies (with root causes),
 *     commitments and utilization verdicts
 * @param utilization CPU verdicts per resource (empty without utilization data)
 * @param recommendations ranked, best first
 * @param narratives explanations, each naming its source ({@code template} or {@code model})
 * @param timings per stage
 * @param warnings what could not be done and why
 * @param dataQuality data-quality findings of ingestion (rule, column, rows affected)
 * @param input the FOCUS version read and each provider's granularity (in the {@code analyze} JSON as
 *     {@code focusVersion} and {@code granularity})
 */
@JsonPropertyOrder({
    "schemaVersion",
    "runId",
    "generatedAt",
    "summary",
    "overview",
    "analyses",
    "utilization",
    "recommendations",
    "narratives",
    "timings",
    "warnings",
    "dataQuality"
})
public record Report(
        String schemaVersion,
        String runId,
        String generatedAt,
        ReportSummary summary,
        CostOverview overview,
        AnalysisReport analyses,
        List<UtilizationVerdict> utilization,
        List<Recommendation> recommendations,
        List<Narrative> narratives,
        List<StageTiming> timings,
        List<String> warnings,
        List<?> dataQuality,
        @com.fasterxml.jackson.annotation.JsonIgnore dev.costagent.core.focus.InputProfile input) {

    /** The current JSON schema version. */
    public static final String SCHEMA_VERSION = "1";

    /** Copies the lists. */
    public Report {
        requireNonNull(schemaVersion, "schemaVersion");
        requireNonNull(runId, "runId");
        requireNonNull(generatedAt, "generatedAt");
        requireNonNull(summary, "summary");
        requireNonNull(overview, "overview");
        utilization = List.copyOf(utilization);
        recommendations = List.copyOf(recommendations);
        narratives = List.copyOf(narratives);
        timings = List.copyOf(timings);
        warnings = List.copyOf(warnings);
        dataQuality = List.copyOf(dataQuality);
        input = input == null ? dev.costagent.core.focus.InputProfile.EMPTY : input;
    }

    /** A report without an input profile (FOCUS 1.0, granularity unknown). */
    public Report(
            String schemaVersion,
            String runId,
            String generatedAt,
            ReportSummary summary,
            CostOverview overview,
            AnalysisReport analyses,
            List<UtilizationVerdict> utilization,
            List<Recommendation> recommendations,
            List<Narrative> narratives,
            List<StageTiming> timings,
            List<String> warnings,
            List<?> dataQuality) {
        this(
                schemaVersion,
                runId,
                generatedAt,
                summary,
                overview,
                analyses,
                utilization,
                recommendations,
                narratives,
                timings,
                warnings,
                dataQuality,
                null);
    }
}
