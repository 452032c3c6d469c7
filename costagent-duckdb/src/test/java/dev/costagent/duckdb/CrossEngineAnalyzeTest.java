package dev.costagent.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costagent.core.source.FocusFileSource;
import dev.costagent.core.testing.AgentReports;
import dev.costagent.core.testing.SameJson;
import dev.costagent.core.testing.SharedData;
import dev.costagent.datagen.GeneratorSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze} (the whole agent: summary, analyses with anomalies, recommendations, narratives) gives the same
 * report on DuckDB as on the default in-memory engine: every string equal, every number within 1e-9 relative; only
 * run id and timings may differ.
 */
class CrossEngineAnalyzeTest {

    @TempDir
    Path dir;

    @Test
    void theRealSampleGivesTheSameReport() throws Exception {
        Path sample = SharedData.require("focus/focus_sample.csv");
        JsonNode memory = AgentReports.json(FocusFileSource.of(sample));
        JsonNode duck = AgentReports.json(DuckDbSource.of(sample));
        SameJson.assertSameJson(duck, memory);
        assertThat(memory.at("/summary/rows").asLong()).isEqualTo(1000);
    }

    @Test
    void generatedDataGivesTheSameReportFromCsvAndFromParquet() throws Exception {
        Path csv = dir.resolve("bill.csv");
        GeneratorSpec.builder()
                .seed(7)
                .rows(30_000)
                .days(45)
                .start(LocalDate.of(2024, 7, 1))
                .randomAnomalies(6)
                .generator()
                .writeCsv(csv);
        Path parquet = Parquet.fromCsv(Files.copy(csv, dir.resolve("copy.csv")));

        JsonNode memory = AgentReports.json(FocusFileSource.of(csv));
        assertThat(memory.at("/analyses/anomalies").size())
                .as("the generator plants anomalies")
                .isPositive();
        assertThat(memory.at("/recommendations").size())
                .as("and waste to recommend on")
                .isPositive();
        SameJson.assertSameJson(AgentReports.json(DuckDbSource.of(csv)), memory);
        SameJson.assertSameJson(AgentReports.json(DuckDbSource.of(parquet)), memory);
    }
}
