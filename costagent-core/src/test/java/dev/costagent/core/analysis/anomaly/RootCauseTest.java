package dev.costagent.core.analysis.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.core.analysis.ListQueryEngine;
import dev.costagent.core.analysis.SyntheticBill;
import dev.costagent.core.analysis.series.SeriesScope;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RootCauseTest {
    private static final LocalDate FIRST = LocalDate.of(2024, 8, 1);

    @Test
    void serviceSpikeIsTracedToTheResourceAccountRegionAndSkuThatMadeIt() {
        // day 40: one EC2 resource in acct-2 / eu-west-1 costs 8x its usual
        List<SyntheticBill.Plant> plants = List.of(new SyntheticBill.Plant(40, "EC2", "acct-2", "eu-west-1", 1, 8));
        ListQueryEngine engine = new ListQueryEngine(SyntheticBill.rows(FIRST, 50, 0.02, 17, plants));
        AnomalyScan scan = AnomalyDetector.defaults().scan(engine, SeriesScope.usage());

        assertThat(scan.status()).isEqualTo(AnomalyScan.Status.OK);
        assertThat(scan.anomalies()).allMatch(a -> a.date().equals(FIRST.plusDays(40)));
        assertThat(scan.anomalies()).extracting(a -> a.dimension() + "=" + a.value())
                .contains("total=total", "ServiceName=EC2", "SubAccountId=acct-2", "RegionId=eu-west-1");

        Anomaly ec2 = scan.anomalies().stream().filter(a -> a.value().equals("EC2")).findFirst().orElseThrow();
        String resource = SyntheticBill.resource("EC2", "acct-2", "eu-west-1", 1);
        assertThat(ec2.rootCauses()).extracting(c -> c.dimension() + "=" + c.value())
                .contains("ResourceId=" + resource, "SubAccountId=acct-2", "RegionId=eu-west-1", "SkuId=sku-EC2")
                .doesNotContain("ServiceName=EC2");
        RootCause top = ec2.rootCauses().stream().filter(c -> c.dimension().equals("ResourceId")).findFirst()
                .orElseThrow();
        assertThat(top.value()).isEqualTo(resource);
        assertThat(top.shareOfImpact()).isCloseTo(1.0, within(0.1)); // it made (almost) all of the impact
        assertThat(top.contribution()).isCloseTo(ec2.impact(), within(0.1 * ec2.impact()));

        Anomaly total = scan.anomalies().stream().filter(a -> a.dimension().equals("total")).findFirst()
                .orElseThrow();
        assertThat(total.rootCauses().get(0).value()).isIn(resource, "EC2", "acct-2", "eu-west-1", "sku-EC2");
        assertThat(total.rootCauses()).extracting(RootCause::dimension).contains("ServiceName", "ResourceId");
    }

    @Test
    void fewerThanFifteenDaysIsAnExplicitInsufficientHistory() {
        ListQueryEngine engine = new ListQueryEngine(SyntheticBill.rows(FIRST, 14, 0.02, 1, List.of()));
        AnomalyScan scan = AnomalyDetector.defaults().scan(engine, SeriesScope.usage());
        assertThat(scan.status()).isEqualTo(AnomalyScan.Status.INSUFFICIENT_HISTORY);
        assertThat(scan.historyDays()).isEqualTo(14);
        assertThat(scan.requiredDays()).isEqualTo(14);
        assertThat(scan.anomalies()).isEmpty();
    }
}
