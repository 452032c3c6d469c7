package dev.costagent.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.costagent.core.agent.Report;
import dev.costagent.core.recommend.model.Recommendation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON in the schema documented in {@link dev.costagent.core.report the package}. Thread-safe. */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /**
     * The key of the language model's usage in a report document ({@code costagent analyze --format json}): calls,
     * tokens, cache hits and estimated cost with the price's source and date; {@code {"provider":"none","calls":0}}
     * for the offline templates. Written by the caller that ran the model (costagent-llm is not a core dependency).
     */
    public static final String LLM_USAGE = "llmUsage";

    private ReportJson() {}

    /** Any document (a report map with extra keys such as {@link #LLM_USAGE}) as indented JSON. */
    public static String toJson(Map<String, Object> document) {
        return toJson((Object) document);
    }

    /** The whole report. */
    public static String write(Report report) {
        return toJson(report);
    }

    /** The {@code costagent recommend} document: {@code {"recommendations":[...]}}. */
    public static String recommendations(List<Recommendation> recommendations) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("recommendations", recommendations);
        return toJson(doc);
    }

    /** The shared mapper, for callers that embed report parts in their own documents. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    private static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize report: " + e.getOriginalMessage(), e);
        }
    }
}
