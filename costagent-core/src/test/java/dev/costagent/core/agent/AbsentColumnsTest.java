package dev.costagent.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.FocusVersion;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.source.FocusFileSource;
import dev.costagent.core.testing.PlainCsv;
import dev.costagent.core.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conditional and recommended FOCUS columns may be absent from any export: the real sample with each of them removed
 * in turn still analyses, and an analysis or rule that needed the column says so in one warning naming it.
 */
class AbsentColumnsTest {

    private static final String SAMPLE = "focus/focus_sample.csv";

    @TempDir
    Path dir;

    static Stream<String> nonMandatoryColumns() {
        return FocusColumn.definedIn(FocusVersion.V1_0).stream()
                .filter(c -> !c.mandatory(FocusVersion.V1_0))
                .map(FocusColumn::columnName);
    }

    @ParameterizedTest(name = "without {0}")
    @MethodSource("nonMandatoryColumns")
    void analyzeRunsWithoutTheColumn(String column) throws IOException {
        Path file = without(List.of(column));
        Report report = analyze(file);

        assertThat(report.summary()).isNotNull();
        long mentions =
                report.warnings().stream().filter(w -> w.contains(column)).count();
        // A column some check needs is named in a warning, once per check at most; others leave no trace.
        assertThat(report.warnings()).doesNotHaveDuplicates();
        assertThat(mentions).isLessThanOrEqualTo(6);
    }

    @Test
    void withoutCommitmentColumnsTheCommitmentChecksAreSkippedWithAWarning() throws IOException {
        Path file = without(List.of(
                "CommitmentDiscountCategory",
                "CommitmentDiscountId",
                "CommitmentDiscountName",
                "CommitmentDiscountStatus",
                "CommitmentDiscountType"));
        Report report = analyze(file);

        assertThat(report.warnings())
                .anySatisfy(w ->
                        assertThat(w).startsWith("commitment analysis skipped").contains("CommitmentDiscountId"));
        assertThat(report.warnings()).doesNotHaveDuplicates();
    }

    private static Report analyze(Path file) {
        try (CostAgent agent = CostAgent.builder()
                .source(FocusFileSource.of(file))
                .readOptions(ReadOptions.builder().threads(1).build())
                .build()) {
            return agent.run();
        }
    }

    /** The sample without some columns, written as plain CSV. */
    private Path without(List<String> dropped) throws IOException {
        Path sample = SharedData.require(SAMPLE);
        List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
        List<List<String>> rows = PlainCsv.split(String.join("\n", lines) + "\n");
        List<String> header = rows.get(0);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!dropped.contains(header.get(i))) {
                keep.add(i);
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int i : keep) {
                cells.add(quote(row.get(i)));
            }
            out.append(String.join(",", cells)).append('\n');
        }
        Path file = dir.resolve("sample-without-" + dropped.size() + "-" + dropped.get(0) + ".csv");
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return file;
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\""
                : cell;
    }
}
