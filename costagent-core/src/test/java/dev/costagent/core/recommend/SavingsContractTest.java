package dev.costagent.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.core.agent.CostAgent;
import dev.costagent.core.agent.Report;
import dev.costagent.core.recommend.catalog.InstanceCatalog;
import dev.costagent.core.recommend.catalog.InstanceType;
import dev.costagent.core.recommend.model.Evidence;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.recommend.model.RecommendationType;
import dev.costagent.core.source.RecordsSource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's "Must reach" contract: memory-aware rightsizing ground truth, exclusive savings with the commitment
 * sized on what the other actions leave, one commitment per provider with its own rates, daily exports, and savings
 * only on spend an action removes.
 */
class SavingsContractTest {

    private static final double MONTH = 730;

    private static Map<String, Recommendation> byTarget(RecommendationResult result) {
        return result.recommendations().stream()
                .collect(Collectors.toMap(Recommendation::resourceId, Function.identity()));
    }

    private static RecommendationResult run(Fleet fleet) {
        return RecommendationEngine.defaults().recommend(fleet.input());
    }

    // --- memory-aware rightsizing --------------------------------------------------------------------------------

    @Test
    void lowCpuButHighMemoryIsNotDownsizedBelowItsMemoryNeed() {
        // m5.2xlarge (8 vCPU, 32 GiB), CPU ≈ 10%, memory ≈ 85%: needs 0.85 × 32 × 1.2 = 32.6 GiB. Nothing cheaper in
        // the catalog has that much memory, so no rightsizing; CPU alone would have sent it to m5.large (8 GiB).
        Fleet withMemory = new Fleet()
                .compute("i-mem", "m5.2xlarge", 0.384, "prod", 10, null)
                .memory("i-mem", 85);
        Map<String, Recommendation> recs = byTarget(run(withMemory));
        assertThat(recs).doesNotContainKey("i-mem");

        Fleet cpuOnly = new Fleet().compute("i-mem", "m5.2xlarge", 0.384, "prod", 10, null);
        Recommendation blind = byTarget(run(cpuOnly)).get("i-mem");
        assertThat(blind.evidence().inputs()).containsEntry("targetType", "m5.large");
        assertThat(blind.riskFactors()).anyMatch(f -> f.startsWith("memory utilization unknown"));
    }

    @Test
    void targetsKeepMeasuredMemoryWithTwentyPercentHeadroom() {
        // m5.4xlarge (16 vCPU, 64 GiB), CPU ≈ 10%, memory ≈ 30%: needs 0.30 × 64 × 1.2 = 23 GiB → m5.2xlarge (32 GiB),
        // not m5.large that CPU alone allows.
        Fleet fleet = new Fleet()
                .compute("i-big", "m5.4xlarge", 0.768, "prod", 10, null)
                .memory("i-big", 30);
        Recommendation r = byTarget(run(fleet)).get("i-big");
        assertThat(r.type()).isEqualTo(RecommendationType.RIGHTSIZE);
        assertThat(r.evidence().inputs()).containsEntry("targetType", "m5.2xlarge");
        double need = (double) r.evidence().inputs().get("memoryNeedGiB");
        assertThat(need).isBetween(0.95 * 0.30 * 64 * 1.2, 0.30 * 64 * 1.2);
        assertThat(r.monthlySavings()).isCloseTo((0.768 - 0.384) * MONTH, within(0.01));
    }

    @Test
    void aMemoryHeavyHostMovesToAMemoryOptimizedFamilyWhenCheaper() {
        // m5.2xlarge (8 vCPU, 32 GiB, 0.384/h), CPU ≈ 8%, memory ≈ 60%: needs 23 GiB. No cheaper m5 has it; r5.xlarge
        // (4 vCPU, 32 GiB, 0.252/h) does, and 8% × 8 / 4 = 16% CPU fits.
        Fleet fleet = new Fleet()
                .compute("i-cache", "m5.2xlarge", 0.384, "prod", 8, null)
                .memory("i-cache", 60);
        Recommendation r = byTarget(run(fleet)).get("i-cache");
        assertThat(r.type()).isEqualTo(RecommendationType.RIGHTSIZE);
        assertThat(r.evidence().inputs())
                .containsEntry("targetType", "r5.xlarge")
                .containsEntry("targetFamily", "r5");
        assertThat(r.monthlySavings()).isCloseTo((0.384 - 0.252) * MONTH, within(0.01));
        assertThat(r.riskFactors()).anyMatch(f -> f.contains("from family m5 to r5"));
    }

    @Test
    void burstableHostsAreSizedAgainstTheirBaselineOrLeftOutWithAReason() {
        // t3.xlarge (4 vCPU, 16 GiB), CPU ≈ 15% (mean ≈ 14%), memory ≈ 20%: 4 GiB with headroom. t3.medium (4 GiB) has
        // the memory but its 20% baseline cannot sustain 14% × 4 / 2 ≈ 28.5%; t3.large (30%) can.
        Fleet fleet = new Fleet()
                .compute("i-t3", "t3.xlarge", 0.1664, "prod", 15, null)
                .memory("i-t3", 20);
        Recommendation r = byTarget(run(fleet)).get("i-t3");
        assertThat(r.evidence().inputs())
                .containsEntry("targetType", "t3.large")
                .containsEntry("targetBaselineCpu", 30.0);
        assertThat((double) r.evidence().inputs().get("projectedCpuMean")).isLessThanOrEqualTo(30);

        // A burstable type whose baseline the catalog does not know is left out, with a warning saying why.
        InstanceCatalog catalog = InstanceCatalog.shipped()
                .overriddenBy(InstanceCatalog.of(List.of(
                        new InstanceType("Azure", "Standard_B4ms", "Bsv1", 4, 16, 0.166),
                        new InstanceType("Azure", "Standard_B2ms", "Bsv1", 2, 8, 0.083))));
        Fleet azure = new Fleet().compute("vm-b", "Standard_B4ms", 0.166, "prod", 15, null);
        RecommendationResult result = RecommendationEngine.builder()
                .options(RecommendationOptions.builder().catalog(catalog).build())
                .build()
                .recommend(azure.input());
        assertThat(byTarget(result)).doesNotContainKey("vm-b");
        assertThat(result.warnings()).anyMatch(w -> w.contains("vm-b") && w.contains("burstable"));
    }

    // --- idle with network and memory ----------------------------------------------------------------------------

    @Test
    void networkTrafficKeepsALowCpuHostFromBeingTerminated() {
        // CPU ≈ 1% but 2 MB every 5 minutes (≈ 576 MB a day, over Trusted Advisor's 5 MB/day): busy, not idle.
        Fleet busy = new Fleet()
                .compute("i-proxy", "m5.xlarge", 0.192, "prod", 1, null)
                .network("i-proxy", 2e6);
        Recommendation r = byTarget(run(busy)).get("i-proxy");
        assertThat(r == null || !r.type().removesResource()).isTrue();

        Fleet quiet = new Fleet()
                .compute("i-quiet", "m5.xlarge", 0.192, "prod", 1, null)
                .network("i-quiet", 1000);
        assertThat(byTarget(run(quiet)).get("i-quiet").type()).isEqualTo(RecommendationType.TERMINATE_IDLE);
    }

    // --- exclusive actions and commitments -----------------------------------------------------------------------

    @Test
    void terminatingThreeOfTenSteadyInstancesLeavesACommitmentForTheSevenAndTotalsAddUp() {
        Fleet fleet = new Fleet();
        for (int i = 0; i < 10; i++) {
            fleet.compute("i-" + i, "m5.xlarge", 0.192, "prod", i < 3 ? 1 : 60, null);
        }
        RecommendationResult result = run(fleet);
        Map<String, Recommendation> recs = byTarget(result);
        for (int i = 0; i < 3; i++) {
            assertThat(recs.get("i-" + i).type()).isEqualTo(RecommendationType.TERMINATE_IDLE);
        }
        List<Recommendation> buys = result.recommendations().stream()
                .filter(r -> r.type() == RecommendationType.COMMITMENT_PURCHASE)
                .toList();
        assertThat(buys).hasSize(1);
        Recommendation buy = buys.get(0);
        // only the 7 that remain: 7 × 0.192/h of on-demand covered, fully used
        assertThat((double) buy.evidence().inputs().get("coveredOnDemandPerHour"))
                .isCloseTo(7 * 0.192, within(1e-9));
        assertThat((double) buy.evidence().inputs().get("expectedUtilization")).isCloseTo(1.0, within(1e-9));
        assertThat((double) buy.evidence().inputs().get("removedByActionsMonthly"))
                .isCloseTo(3 * 0.192 * MONTH, within(0.01));
        assertThat(buy.monthlySavings()).isCloseTo(7 * 0.192 * 0.28 * MONTH, within(0.01));

        double exclusive = 3 * 0.192 * MONTH + 7 * 0.192 * 0.28 * MONTH;
        assertThat(result.totalMonthlySavings()).isCloseTo(exclusive, within(0.02));

        // and the agent's summary says the same
        Report report;
        try (CostAgent agent = CostAgent.builder()
                .source(RecordsSource.of("fleet", fleet.records()))
                .utilization(fleet.series())
                .build()) {
            report = agent.run();
        }
        assertThat(report.summary().monthlySavings()).isCloseTo(exclusive, within(0.02));
        assertThat(report.summary().monthlySavings())
                .isCloseTo(
                        report.recommendations().stream()
                                .filter(Recommendation::countsTowardSavings)
                                .mapToDouble(Recommendation::monthlySavings)
                                .sum(),
                        within(0.02));
    }

    @Test
    void aLesserActionIsShownAsAnAlternativeNotAdded() {
        Fleet fleet = new Fleet().compute("i-dev-idle", "m5.xlarge", 0.192, "dev", 2, null);
        RecommendationResult result = run(fleet);
        List<Recommendation> forIt = result.recommendations().stream()
                .filter(r -> r.resourceId().equals("i-dev-idle"))
                .toList();
        assertThat(forIt).hasSize(1);
        Recommendation winner = forIt.get(0);
        assertThat(winner.type()).isEqualTo(RecommendationType.TERMINATE_IDLE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> alternatives =
                (List<Map<String, Object>>) winner.evidence().inputs().get("alternatives");
        assertThat(alternatives).extracting(a -> a.get("type")).contains("SCHEDULE");
        assertThat(result.totalMonthlySavings()).isCloseTo(winner.monthlySavings(), within(0.001));
    }

    @Test
    void twoProvidersInOneFileGetTwoCommitmentsEachWithItsOwnRatesAndScope() {
        Fleet fleet = new Fleet()
                .account("AWS", "payer-1", "111")
                .compute("i-a", "m5.xlarge", 0.192, "prod", 60, null)
                .account("Microsoft", "ba-azure", "sub-1")
                .compute("vm-a", "Standard_D4s_v5", 0.192, "prod", 60, null);
        List<Recommendation> buys = run(fleet).recommendations().stream()
                .filter(r -> r.type() == RecommendationType.COMMITMENT_PURCHASE)
                .sorted(java.util.Comparator.comparing(Recommendation::resourceId))
                .toList();
        assertThat(buys)
                .extracting(Recommendation::resourceId)
                .containsExactly(
                        "ProviderName=AWS/BillingAccountId=payer-1",
                        "ProviderName=Microsoft/BillingAccountId=ba-azure");
        Map<String, Object> aws = buys.get(0).evidence().inputs();
        Map<String, Object> azure = buys.get(1).evidence().inputs();
        assertThat(aws).containsEntry("discount", 0.28).containsEntry("discountAsOf", "2024-09");
        assertThat((String) aws.get("discountSource")).contains("AWS Compute Savings Plans");
        assertThat(azure).containsEntry("discount", 0.20);
        assertThat((String) azure.get("discountSource")).contains("Azure savings plan");
        // each covers only its own provider's usage
        assertThat((double) aws.get("coveredOnDemandPerHour")).isCloseTo(0.192, within(1e-9));
        assertThat((double) azure.get("coveredOnDemandPerHour")).isCloseTo(0.192, within(1e-9));
        assertThat(buys.get(1).monthlySavings()).isCloseTo(0.192 * 0.20 * MONTH, within(0.01));
    }

    @Test
    void aDailyExportStillGetsItsPurchase() {
        Fleet fleet = new Fleet()
                .daily(true)
                .compute("i-a", "m5.xlarge", 0.192, "prod", 60, null)
                .compute("i-b", "m5.xlarge", 0.192, "prod", 60, null);
        assertThat(fleet.records().get(0).chargePeriodEnd())
                .isEqualTo(fleet.records().get(0).chargePeriodStart().plusSeconds(86400));
        List<Recommendation> buys = run(fleet).recommendations().stream()
                .filter(r -> r.type() == RecommendationType.COMMITMENT_PURCHASE)
                .toList();
        assertThat(buys).hasSize(1);
        assertThat((double) buys.get(0).evidence().inputs().get("coveredOnDemandPerHour"))
                .isCloseTo(2 * 0.192, within(1e-9));
        assertThat(buys.get(0).monthlySavings()).isCloseTo(2 * 0.192 * 0.28 * MONTH, within(0.01));
    }

    @Test
    void unusedCommitmentIsNettedAgainstThePurchase() {
        // 1.0/h of steady on-demand and an existing savings plan with 0.3/h unused: the unused part absorbs 0.3/h
        // first, and the purchase covers the remaining 0.7/h only.
        Fleet fleet =
                new Fleet().compute("i-a", "big.custom", 1.0, "prod", -1, null).unusedCommitment("sp-1", 0.3, 0.5);
        RecommendationResult result = run(fleet);
        Map<String, Recommendation> recs = byTarget(result);
        assertThat(recs.get("sp-1").monthlySavings()).isCloseTo(0.3 * MONTH, within(0.01));
        Recommendation buy = recs.get("ProviderName=AWS/BillingAccountId=111");
        assertThat((double) buy.evidence().inputs().get("coveredOnDemandPerHour"))
                .isCloseTo(0.7, within(1e-9));
        assertThat((double) buy.evidence().inputs().get("absorbedByUnusedCommitmentsMonthly"))
                .isCloseTo(0.3 * MONTH, within(0.01));
    }

    // --- savings only on spend the action removes ----------------------------------------------------------------

    @Test
    void committedUsageIsNotASavingAndSpotUsageGetsNoSpotAdvice() {
        Fleet fleet = new Fleet()
                .pricingCategory("Committed")
                .compute("i-covered-idle", "m5.xlarge", 0.192, "prod", 1, null)
                .pricingCategory("Dynamic")
                .compute("i-on-spot", "c5.2xlarge", 0.14, "prod", 60, "batch")
                .pricingCategory("Standard")
                .compute("i-batch", "c5.2xlarge", 0.34, "prod", 60, "batch");
        Map<String, Recommendation> recs = byTarget(run(fleet));
        assertThat(recs).doesNotContainKey("i-covered-idle"); // nothing removable: the commitment stays payable
        assertThat(recs).doesNotContainKey("i-on-spot");
        assertThat(recs.get("i-batch").type()).isEqualTo(RecommendationType.SPOT_CANDIDATE);
        assertThat(recs.get("i-batch").monthlySavings()).isCloseTo(0.34 * MONTH * 0.60, within(0.01));
    }

    @Test
    void anomalyInvestigationsAreNeverAddedToTheTotal() {
        Recommendation saving = Recommendation.builder(RecommendationType.TERMINATE_IDLE, "i-1")
                .monthlySavings(100)
                .currency("EUR")
                .evidence(new Evidence("t", "f", Map.of()))
                .build();
        Recommendation anomaly = Recommendation.builder(RecommendationType.INVESTIGATE_ANOMALY, "ServiceName=X")
                .monthlySavings(900)
                .currency("EUR")
                .confidence(0.3)
                .evidence(new Evidence("a", "f", Map.of()))
                .build();
        assertThat(new RecommendationResult(List.of(saving, anomaly), List.of(), 0, 0).totalMonthlySavings())
                .isEqualTo(100);
    }

    @Test
    void everyRecommendationCarriesTheBillingCurrency() {
        Fleet fleet = new Fleet()
                .currency("EUR")
                .compute("i-idle", "m5.xlarge", 0.192, "prod", 1, null)
                .compute("i-over", "m5.2xlarge", 0.384, "prod", 15, null)
                .compute("i-steady", "m5.xlarge", 0.192, "prod", 60, null);
        RecommendationResult result = run(fleet);
        assertThat(result.recommendations()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.currency()).isEqualTo("EUR");
            assertThat(r.title()).doesNotContain("$").doesNotContain("USD");
        });
    }
}
