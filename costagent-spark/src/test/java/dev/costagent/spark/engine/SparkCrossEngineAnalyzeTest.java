package dev.costagent.spark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.source.FocusFileSource;
import dev.costagent.core.testing.AgentReports;
import dev.costagent.core.testing.SameJson;
import dev.costagent.core.testing.SharedData;
import dev.costagent.datagen.GeneratorSpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze} (the whole agent: summary, analyses with anomalies, recommendations, narratives) gives the same
 * report on Spark as on the default in-memory engine: every string equal, every number within 1e-9 relative; only run
 * id and timings may differ. From CSV, and from Parquet that Spark itself wrote.
 */
class SparkCrossEngineAnalyzeTest {

    @TempDir
    Path dir;

    @Test
    void theRealSampleGivesTheSameReport() throws Exception {
        Path sample = SharedData.require("focus/focus_sample.csv");
        JsonNode memory = AgentReports.json(FocusFileSource.of(sample));
        SameJson.assertSameJson(AgentReports.json(SparkSource.of(TestSpark.session(), sample.toString())), memory);
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
        Path parquet = dir.resolve("bill-parquet");
        try (SparkQueryEngine engine =
                SparkQueryEngine.open(TestSpark.session(), csv.toString(), ReadOptions.DEFAULTS)) {
            engine.rows()
                    .drop(FocusDataset.BAD, FocusDataset.BAD_VALUE, FocusDataset.FILE, FocusDataset.ROW)
                    .write()
                    .parquet(parquet.toString());
        }

        JsonNode memory = AgentReports.json(FocusFileSource.of(csv));
        assertThat(memory.at("/analyses/anomalies").size())
                .as("the generator plants anomalies")
                .isPositive();
        assertThat(memory.at("/recommendations").size())
                .as("and waste to recommend on")
                .isPositive();
        SameJson.assertSameJson(AgentReports.json(SparkSource.of(TestSpark.session(), csv.toString())), memory);
        SameJson.assertSameJson(AgentReports.json(SparkSource.of(TestSpark.session(), parquet.toString())), memory);
    }

    private static List<String> names(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
