package dev.costagent.core.analysis.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.core.analysis.ListQueryEngine;
import dev.costagent.core.analysis.Rows;
import dev.costagent.core.focus.CostRecord;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Metric;
import dev.costagent.core.table.QueryEngine;
import dev.costagent.core.table.TimeRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitmentAnalyzerTest {
    private static final LocalDate DAY = LocalDate.of(2024, 9, 18);

    private static CostRecord covered(String service, double cost, String id) {
        return Rows.row(DAY, "Usage", service, "a", "r", "x", "s", cost)
                .commitmentDiscountId(id)
                .commitmentDiscountName(id + "-name")
                .commitmentDiscountType("Savings Plan")
                .commitmentDiscountCategory("Spend")
                .commitmentDiscountStatus("Used")
                .build();
    }

    private static CostRecord unused(String service, double cost, String id) {
        return Rows.row(DAY, "Usage", service, "a", "r", null, "s", cost)
                .commitmentDiscountId(id)
                .commitmentDiscountName(id + "-name")
                .commitmentDiscountType("Savings Plan")
                .commitmentDiscountCategory("Spend")
                .commitmentDiscountStatus("Unused")
                .build();
    }

    @Test
    void coverageUtilizationAndUnusedDollarsPerCommitment() {
        List<CostRecord> rows = List.of(
                covered("EC2", 60, "sp-1"),
                covered("EC2", 20, "sp-2"),
                Rows.usage(DAY, "EC2", "a", "r", "x", "s", 120), // on demand, eligible
                unused("EC2", 15, "sp-1"),
                unused("EC2", 30, "sp-2"),
                Rows.usage(DAY, "S3", "a", "r", "b", "s", 500), // no commitment covers S3: not eligible
                Rows.row(DAY, "Purchase", "EC2", "a", "r", null, "s", 999)
                        .commitmentDiscountId("sp-1")
                        .build());
        CommitmentReport r = CommitmentAnalyzer.defaults().analyze(new ListQueryEngine(rows), TimeRange.ALL);
        assertThat(r.eligibleServices()).containsExactly("EC2");
        assertThat(r.eligibleCost()).isEqualTo(200);
        assertThat(r.coveredCost()).isEqualTo(80);
        assertThat(r.coverage()).isCloseTo(0.4, within(1e-12));
        assertThat(r.usedCost()).isEqualTo(80);
        assertThat(r.unusedCost()).isEqualTo(45);
        assertThat(r.utilization()).isCloseTo(80.0 / 125, within(1e-12));
        assertThat(r.commitments()).extracting(CommitmentUsage::id).containsExactly("sp-2", "sp-1"); // most unused
        CommitmentUsage sp2 = r.commitments().get(0);
        assertThat(sp2.unusedCost()).isEqualTo(30);
        assertThat(sp2.utilization()).isCloseTo(0.4, within(1e-12));
        assertThat(sp2.name()).isEqualTo("sp-2-name");
        assertThat(sp2.type()).isEqualTo("Savings Plan");
    }

    @Test
    void withoutCommitmentRowsUtilizationAsksNoSecondQuery() {
        List<CostQuery> asked = new ArrayList<>();
        ListQueryEngine rows = new ListQueryEngine(
                List.of(Rows.usage(DAY, "EC2", "a", "r", "x", "s", 10), Rows.usage(DAY, "S3", "a", "r", "b", "s", 5)));
        QueryEngine counting = query -> {
            asked.add(query);
            return rows.execute(query);
        };

        CommitmentReport r = CommitmentAnalyzer.defaults().analyze(counting, TimeRange.ALL);

        assertThat(asked).extracting(CostQuery::metric).containsExactly(Metric.LIST_COST);
        assertThat(r.usedCost()).isZero();
        assertThat(r.unusedCost()).isZero();
        assertThat(r.commitments()).isEmpty();
        assertThat(r.utilizationMetric()).isEqualTo("EffectiveCost");
    }

    @Test
    void noCommitmentsGiveNullRatiosNotNaN() {
        CommitmentReport r = CommitmentAnalyzer.defaults()
                .analyze(new ListQueryEngine(List.of(Rows.usage(DAY, "EC2", "a", "r", "x", "s", 10))), TimeRange.ALL);
        assertThat(r.coverage()).isNull();
        assertThat(r.utilization()).isNull();
        assertThat(r.commitments()).isEmpty();
    }
}
