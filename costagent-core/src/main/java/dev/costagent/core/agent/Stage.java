package dev.costagent.core.agent;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The stages of a run, in order. Serialized in lower case. */
public enum Stage {
    /** Load every source into a cost table (or take it from the cache). */
    INGEST,
    /** Series, breakdowns, forecast, anomalies, commitments and utilization verdicts. */
    ANALYZE,
    /** Savings recommendations. */
    RECOMMEND,
    /** Explanations of the summary, anomalies and top recommendations. */
    NARRATE;

    /** The lower-case name used in JSON and logs. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
