package dev.costagent.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.report.ReportJson;
import dev.costagent.core.source.CostSource;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The report an engine's cross-engine test compares ({@link SameJson}): the agent run once over a source, at a fixed
 * clock (so that run dates agree), as its JSON document.
 */
public final class AgentReports {

    /** The clock every cross-engine run uses: 2024-10-01T00:00Z. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2024-10-01T00:00:00Z"), ZoneOffset.UTC);

    private AgentReports() {}

    /** The agent's report over {@code source} at {@link #CLOCK}, as JSON. */
    public static JsonNode json(CostSource source) throws IOException {
        try (CostAgent agent = CostAgent.builder().source(source).clock(CLOCK).build()) {
            return ReportJson.mapper().readTree(ReportJson.write(agent.run()));
        }
    }
}
