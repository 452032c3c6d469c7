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
        // one event, reported on the broadest series, the nested series that saw it listed
        assertThat(scan.anomalies()).singleElement().satisfies(event -> {
            assertThat(event.date()).isEqualTo(FIRST.plusDays(40));
            assertThat(event.label()).isEqualTo("total");
            assertThat(event.seenIn()).contains("ServiceName=EC2", "SubAccountId=acct-2", "RegionId=eu-west-1");
        });
        Anomaly total = scan.anomalies().get(0);
        String resource = SyntheticBill.resource("EC2", "acct-2", "eu-west-1", 1);
        assertThat(total.rootCauses())
                .extracting(c -> c.dimension() + "=" + c.value())
                .contains(
                        "ResourceId=" + resource,
                        "ServiceName=EC2",
                        "SubAccountId=acct-2",
                        "RegionId=eu-west-1",
                        "SkuId=sku-EC2");
        RootCause top = total.rootCauses().stream()
                .filter(c -> c.dimension().equals("ResourceId"))
                .findFirst()
                .orElseThrow();
        assertThat(top.value()).isEqualTo(resource);
        assertThat(top.shareOfImpact()).isCloseTo(1.0, within(0.1)); // it made (almost) all of the impact
        assertThat(total.rootCauses().get(0).value()).isIn(resource, "EC2", "acct-2", "eu-west-1", "sku-EC2");
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
