package dev.costagent.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.costagent.core.focus.DataQualityIssue;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.focus.ReadOptions;
import dev.costagent.core.testing.PlainCsv;
import dev.costagent.core.testing.SharedData;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real FOCUS sample: every row accepted, and totals equal to exact BigDecimal sums from an independent read. */
class FocusSampleTotalsTest {

    private static final String SAMPLE = "focus/focus_sample.csv";

    @Test
    void acceptsEveryRowAndReportsTheNullContractedCosts() {
        CostTable table = CostTable.read(SharedData.require(SAMPLE), ReadOptions.DEFAULTS);

        assertThat(table.rowCount()).isEqualTo(1000);
        assertThat(table.rejectedCount()).isZero();
        assertThat(table.currency()).contains("USD");
        assertThat(table.dataQuality())
                .containsExactly(
                        new DataQualityIssue(
                                DataQualityIssue.NULL_IN_NON_NULLABLE_COLUMN,
                                "ContractedCost",
                                7,
                                "FOCUS requires a value; rows kept, the null counts as absent in ContractedCost only"),
                        // Oracle's rows write ChargeFrequency 'Usage-based'; FOCUS spells it 'Usage-Based'.
                        new DataQualityIssue(
                                DataQualityIssue.VALUE_NOT_ALLOWED,
                                "ChargeFrequency",
                                7,
                                "value outside FOCUS's allowed set [One-Time, Recurring, Usage-Based]; rows kept",
                                "Usage-based"));
        assertThat(table.extraColumns()).containsExactly("Id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ServiceName", "ChargeCategory", "ProviderName"})
    void totalsMatchBigDecimalSums(String column) throws Exception {
        Path file = SharedData.require(SAMPLE);
        List<Map<String, String>> rows = PlainCsv.read(file);
        for (Metric metric :
                List.of(Metric.EFFECTIVE_COST, Metric.BILLED_COST, Metric.LIST_COST, Metric.CONTRACTED_COST)) {
            Map<String, BigDecimal> expected = new TreeMap<>();
            for (Map<String, String> row : rows) {
                String raw = row.get(metric.columnName());
                BigDecimal value = raw.isEmpty() || raw.equals("NULL") ? BigDecimal.ZERO : new BigDecimal(raw);
                expected.merge(row.get(column), value, BigDecimal::add);
            }
            for (int threads : new int[] {1, 2}) {
                CostTable table = CostTable.read(
                        file,
                        ReadOptions.builder()
                                .threads(threads)
                                .chunkBytes(64 << 10)
                                .build());
                QueryResult result = table.execute(CostQuery.builder()
                        .metric(metric)
                        .groupBy(Dimension.column(column))
                        .build());
                assertThat(result.groups()).hasSize(expected.size());
                for (QueryResult.Group group : result.groups()) {
                    BigDecimal exact = expected.get(group.key(0));
                    assertThat(relativeError(group.value(), exact))
                            .as("%s %s %s", metric, column, group.key(0))
                            .isLessThanOrEqualTo(1e-9);
                }
                BigDecimal total = expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(relativeError(result.total(), total)).isLessThanOrEqualTo(1e-9);
                assertThat(result.rows()).isEqualTo(1000);
            }
        }
    }

    @Test
    void aNullInOneMetricLeavesTheOthersAlone() {
        CostTable table = CostTable.read(SharedData.require(SAMPLE), ReadOptions.DEFAULTS);
        Filter oracle = Filter.in(Dimension.of(FocusColumn.PROVIDER_NAME), "Oracle");
        QueryResult contracted = table.execute(CostQuery.builder()
                .metric(Metric.CONTRACTED_COST)
                .filter(oracle)
                .build());
        QueryResult billed = table.execute(
                CostQuery.builder().metric(Metric.BILLED_COST).filter(oracle).build());

        assertThat(contracted.rows()).isEqualTo(7);
        assertThat(contracted.total()).isZero();
        assertThat(billed.rows()).isEqualTo(7);
        assertThat(billed.total()).isNotZero();
    }

    private static double relativeError(double actual, BigDecimal exact) {
        BigDecimal difference = new BigDecimal(actual).subtract(exact).abs();
        if (exact.signum() == 0) {
            return difference.doubleValue();
        }
        return difference.divide(exact.abs(), MathContext.DECIMAL64).doubleValue();
    }
}
