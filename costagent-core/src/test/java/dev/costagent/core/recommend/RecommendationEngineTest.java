package dev.costagent.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.costagent.core.analysis.utilization.UtilizationVerdict.Verdict;
import dev.costagent.core.recommend.model.AnomalySignal;
import dev.costagent.core.recommend.model.Effort;
import dev.costagent.core.recommend.model.Horizon;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.recommend.model.RecommendationType;
import dev.costagent.core.recommend.model.RiskLevel;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RecommendationEngineTest {

    private static final double MONTH = 730;

    private static Fleet shared;

    /** The mixed fleet, built once: building a table is the slow part of these tests. */
    private static synchronized Fleet fleet() {
        if (shared == null) {
            shared = mixedFleet();
        }
        return shared;
    }

    private static Fleet mixedFleet() {
        return new Fleet()
                .compute("i-idle", "m5.xlarge", 0.192, "prod", 2, null)
                .compute("i-over", "m5.2xlarge", 0.384, "prod", 15, null)
                .compute("i-dev", "c5.xlarge", 0.17, "dev", 60, null)
                .compute("i-healthy", "m5.xlarge", 0.192, "prod", 60, null)
                .compute("i-hot", "r5.large", 0.126, "prod", 95, null)
                .compute("i-batch", "c5.2xlarge", 0.34, "prod", 60, "batch")
                .gp2Volume("vol-gp2", 500)
                .unusedCommitment("sp-1", 0.5, 1.5);
    }

    private static Map<String, Recommendation> byTarget(RecommendationResult result) {
        return result.recommendations().stream()
                .collect(Collectors.toMap(Recommendation::resourceId, Function.identity()));
    }

    @Test
    void findsEachPlantedSavingWithItsExactAmount() {
        Fleet fleet = fleet();
        assertThat(fleet.verdicts())
                .extracting(v -> v.resourceId() + "=" + v.verdict())
                .contains("i-idle=IDLE", "i-over=OVER_PROVISIONED", "i-healthy=OPTIMIZED", "i-hot=UNDER_PROVISIONED");
        RecommendationResult result = RecommendationEngine.defaults().recommend(fleet.input());
        Map<String, Recommendation> recs = byTarget(result);

        assertThat(recs.get("i-idle").type()).isEqualTo(RecommendationType.TERMINATE_IDLE);
        assertThat(recs.get("i-idle").monthlySavings()).isCloseTo(0.192 * MONTH, within(0.01));

        Recommendation over = recs.get("i-over");
        assertThat(over.type()).isEqualTo(RecommendationType.RIGHTSIZE);
        assertThat(over.evidence().inputs()).containsEntry("targetType", "m5.large");
        assertThat(over.monthlySavings()).isCloseTo(0.384 * MONTH * (1 - 0.096 / 0.384), within(0.01));

        Recommendation dev = recs.get("i-dev");
        assertThat(dev.type()).isEqualTo(RecommendationType.SCHEDULE);
        assertThat(dev.monthlySavings()).isCloseTo(0.17 * MONTH * 108 / 168, within(0.01));

        assertThat(recs.get("sp-1").type()).isEqualTo(RecommendationType.UNUSED_COMMITMENT);
        // The unused 0.5/h absorbs only the on-demand compute left after the other actions: i-healthy 0.192 +
        // i-hot 0.126 + i-over rightsized 0.096, plus i-dev's 0.17 in its 252 scheduled weekday hours (Sep 2024 has
        // 21 weekdays); i-idle is terminated and i-batch moves to spot.
        double left = 0.192 + 0.126 + 0.096;
        double absorbed = (252 * Math.min(0.5, left + 0.17) + (720 - 252) * Math.min(0.5, left)) / 720;
        assertThat(recs.get("sp-1").monthlySavings()).isCloseTo(absorbed * MONTH, within(0.01));

        assertThat(recs.get("vol-gp2").type()).isEqualTo(RecommendationType.STORAGE_TIER);
        assertThat(recs.get("vol-gp2").monthlySavings()).isCloseTo(500 * (0.10 - 0.08), within(0.01));

        assertThat(recs.get("i-batch").type()).isEqualTo(RecommendationType.SPOT_CANDIDATE);
        assertThat(recs.get("i-batch").monthlySavings()).isCloseTo(0.34 * MONTH * 0.60, within(0.01));

        assertThat(recs).doesNotContainKeys("i-healthy", "i-hot");
        for (Recommendation r : result.recommendations()) {
            assertThat(r.annualSavings()).isCloseTo(r.monthlySavings() * 12, within(0.01));
            assertThat(r.evidence().formula()).isNotBlank();
        }
    }

    @Test
    void commitmentPurchaseIsSizedOnTheOnDemandBaseline() {
        Fleet fleet = new Fleet()
                .compute("i-a", "m5.xlarge", 0.192, "prod", 60, null)
                .compute("i-b", "m5.xlarge", 0.192, "prod", 60, null, 0, Fleet.DAYS * 12); // half the month
        RecommendationResult result = RecommendationEngine.defaults().recommend(fleet.input());
        Recommendation buy = byTarget(result).get("ProviderName=AWS/BillingAccountId=111");
        assertThat(buy.type()).isEqualTo(RecommendationType.COMMITMENT_PURCHASE);
        // Simulated levels: covering both instances (0.384/h) would be idle half the month; covering the always-on
        // one (0.192/h) is fully used and saves the most at the shipped 28% aws/1yr-no-upfront rate.
        assertThat(buy.evidence().inputs().get("coveredOnDemandPerHour")).isEqualTo(0.192);
        assertThat((double) buy.evidence().inputs().get("expectedUtilization")).isCloseTo(1.0, within(1e-9));
        assertThat(buy.monthlySavings()).isCloseTo(0.192 * 0.28 * MONTH, within(0.01));
        assertThat(((Map<?, ?>) buy.evidence().inputs().get("options")).keySet().toString())
                .contains("1yr-no-upfront", "3yr-all-upfront");
    }

    @Test
    void terminateBeatsScheduleAndRightsizeOnTheSameResource() {
        Fleet fleet = new Fleet().compute("i-dev-idle", "m5.xlarge", 0.192, "dev", 2, null);
        RecommendationResult result = RecommendationEngine.defaults().recommend(fleet.input());
        List<Recommendation> forIt = result.recommendations().stream()
                .filter(r -> r.resourceId().equals("i-dev-idle"))
                .toList();
        assertThat(forIt).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(RecommendationType.TERMINATE_IDLE);
            assertThat(r.evidence().inputs().get("supersedes")).isEqualTo(List.of("SCHEDULE"));
        });
        assertThat(result.superseded()).isEqualTo(1);
    }

    @Test
    void onlyComputeIsScheduledOrMovedToSpot() {
        Fleet fleet = new Fleet().compute("i-dev", "m5.xlarge", 0.192, "dev", 60, "batch");
        java.util.List<dev.costagent.core.focus.CostRecord> records = new java.util.ArrayList<>(fleet.records());
        for (var r : fleet.records()) { // the same always-on, dev-tagged, batch-tagged spend, but a storage bucket
            records.add(r.toBuilder()
                    .resourceId("bucket-dev")
                    .serviceCategory("Storage")
                    .serviceName("Amazon Simple Storage Service")
                    .build());
        }
        RecommendationInput input =
                RecommendationInput.of(dev.costagent.core.table.CostTable.of(records), fleet.verdicts());
        Map<String, Recommendation> recs =
                byTarget(RecommendationEngine.defaults().recommend(input));
        assertThat(recs.get("i-dev").type()).isIn(RecommendationType.SCHEDULE, RecommendationType.SPOT_CANDIDATE);
        assertThat(recs).doesNotContainKey("bucket-dev");
    }

    @Test
    void computeWithoutAnInstanceTypeIsNotScheduled() {
        // A managed Kubernetes control plane: Compute, tagged dev, always on, but no instance to stop.
        Fleet fleet = new Fleet().compute("i-dev", "m5.xlarge", 0.192, "dev", -1, null);
        java.util.List<dev.costagent.core.focus.CostRecord> records = new java.util.ArrayList<>(fleet.records());
        for (var r : fleet.records()) {
            records.add(r.toBuilder()
                    .resourceId("eks-dev")
                    .chargeDescription("Amazon EKS cluster usage")
                    .build());
        }
        RecommendationInput input =
                RecommendationInput.of(dev.costagent.core.table.CostTable.of(records), java.util.List.of());
        Map<String, Recommendation> recs =
                byTarget(RecommendationEngine.defaults().recommend(input));
        assertThat(recs.get("i-dev").type()).isEqualTo(RecommendationType.SCHEDULE);
        assertThat(recs).doesNotContainKey("eks-dev");
    }

    @Test
    void aNonProductionResourceAlreadyOffAtNightIsNotScheduled() {
        Fleet fleet = new Fleet().compute("i-dev-day", "m5.xlarge", 0.192, "dev", 60, null);
        java.util.List<dev.costagent.core.focus.CostRecord> daytime = fleet.records().stream()
                .filter(r -> {
                    int hour = r.chargePeriodStart()
                            .atOffset(java.time.ZoneOffset.UTC)
                            .getHour();
                    return hour >= 8 && hour < 20;
                })
                .toList();
        RecommendationInput input =
                RecommendationInput.of(dev.costagent.core.table.CostTable.of(daytime), fleet.verdicts());
        assertThat(byTarget(RecommendationEngine.defaults().recommend(input))).doesNotContainKey("i-dev-day");
    }

    @Test
    void idleWithOccasionalUseIsStoppedNotTerminated() {
        Fleet fleet = new Fleet().compute("i-rare", "m5.xlarge", 0.192, "prod", -1, null);
        fleet.cpu("i-rare", 60, true); // quiet at 3% with a 60% sample every 100: p95 stays ≤ 5%
        RecommendationResult result = RecommendationEngine.defaults().recommend(fleet.input());
        assertThat(fleet.verdicts().get(0).verdict()).isEqualTo(Verdict.IDLE);
        assertThat(byTarget(result).get("i-rare").type()).isEqualTo(RecommendationType.STOP_IDLE);
    }

    @Test
    void idsAreStableAcrossRunsAndDependOnlyOnTypeAndTarget() {
        RecommendationResult first =
                RecommendationEngine.defaults().recommend(mixedFleet().input());
        RecommendationResult second =
                RecommendationEngine.defaults().recommend(mixedFleet().input());
        assertThat(second.recommendations()).isEqualTo(first.recommendations());
        for (Recommendation r : first.recommendations()) {
            assertThat(r.id())
                    .isEqualTo(Recommendation.idOf(r.type(), r.resourceId()))
                    .matches("rec-[0-9a-f]{16}");
        }
        assertThat(first.recommendations()).extracting(Recommendation::id).doesNotHaveDuplicates();
        assertThat(Recommendation.idOf(RecommendationType.RIGHTSIZE, "i-1"))
                .isNotEqualTo(Recommendation.idOf(RecommendationType.SCHEDULE, "i-1"));
    }

    @Test
    void minimumSavingDropsSmallRecommendations() {
        RecommendationOptions options =
                RecommendationOptions.builder().minMonthlySavings(50).build();
        RecommendationResult result =
                RecommendationEngine.builder().options(options).build().recommend(fleet().input());
        assertThat(result.recommendations())
                .allSatisfy(r -> assertThat(r.monthlySavings()).isGreaterThanOrEqualTo(50));
        assertThat(byTarget(result)).doesNotContainKey("vol-gp2"); // saves $10/month
        assertThat(result.belowMinimum()).isPositive();
    }

    @Test
    void rankingFollowsTheDocumentedScoreAndMarksQuickWins() {
        RecommendationResult result = RecommendationEngine.defaults().recommend(fleet().input());
        List<Recommendation> recs = result.recommendations();
        Ranking ranking = Ranking.DEFAULT;
        for (int i = 0; i < recs.size(); i++) {
            Recommendation r = recs.get(i);
            assertThat(r.score())
                    .isCloseTo(
                            r.monthlySavings()
                                    * r.confidence()
                                    * ranking.riskWeights()[r.risk().ordinal()]
                                    * ranking.effortWeights()[r.effort().ordinal()],
                            within(0.01));
            if (i > 0) {
                assertThat(r.score()).isLessThanOrEqualTo(recs.get(i - 1).score());
            }
            boolean quick = r.effort() == Effort.LOW && r.risk() == RiskLevel.LOW && r.confidence() >= 0.7;
            assertThat(r.horizon()).isEqualTo(quick ? Horizon.QUICK_WIN : Horizon.STRATEGIC);
        }
        assertThat(byTarget(result).get("i-dev").horizon()).isEqualTo(Horizon.QUICK_WIN);
        assertThat(byTarget(result).get("i-over").horizon()).isEqualTo(Horizon.STRATEGIC);
    }

    @Test
    void aSizeWithAsManyVcpusIsNeverARightsizingTarget() {
        // t3.small and t3.micro both have 2 vCPUs: only memory differs, which CPU data cannot justify cutting.
        Fleet fleet = new Fleet()
                .compute("i-small", "t3.small", 0.0208, "prod", 15, null)
                .compute("i-xl", "t3.xlarge", 0.1664, "prod", 15, null);
        Map<String, Recommendation> recs =
                byTarget(RecommendationEngine.defaults().recommend(fleet.input()));
        assertThat(recs).doesNotContainKey("i-small");
        // Burstable: the 4-vCPU load (mean ≈ 14%) moved to 2 vCPUs runs ≈ 28.5% on average, above t3.micro's 10%
        // and t3.small/medium's 20% baselines, so only t3.large (30%) sustains it on its CPU credits.
        assertThat(recs.get("i-xl").evidence().inputs()).containsEntry("targetType", "t3.large");
    }

    @Test
    void unknownInstanceTypeIsAWarningNotAGuess() {
        Fleet fleet = new Fleet().compute("i-odd", "x9.huge", 0.5, "prod", 15, null);
        RecommendationResult result = RecommendationEngine.defaults().recommend(fleet.input());
        assertThat(byTarget(result)).doesNotContainKey("i-odd");
        assertThat(result.warnings())
                .anySatisfy(w -> assertThat(w).contains("i-odd").contains("x9.huge"));
    }

    private static final String EC2 = "Amazon Elastic Compute Cloud";
    private static final java.time.LocalDate RISE_DAY = java.time.LocalDate.parse("2024-09-26");

    /** One instance all month, and a second one at 0.50 an hour from 2024-09-26 (hour 600) on. */
    private static Fleet risingFleet() {
        return new Fleet()
                .compute("i-a", "m5.xlarge", 0.192, "prod", 60, null)
                .compute("i-new", "m5.2xlarge", 0.5, "prod", -1, null, 600, Fleet.DAYS * 24);
    }

    private static List<Recommendation> investigations(RecommendationInput input) {
        return RecommendationEngine.defaults().recommend(input).recommendations().stream()
                .filter(r -> r.type() == RecommendationType.INVESTIGATE_ANOMALY)
                .toList();
    }

    @Test
    void aRiseThatLastsIsWorthInvestigatingAtTheRateTheDataShows() {
        RecommendationInput input = risingFleet()
                .input()
                .withAnomalies(List.of(
                        new AnomalySignal("ServiceName", EC2, RISE_DAY, 0.692 * 24, 0.192 * 24, "HIGH"),
                        new AnomalySignal(
                                "ServiceName", "Old", java.time.LocalDate.parse("2024-09-02"), 150, 100, "HIGH"),
                        new AnomalySignal("ServiceName", "Drop", RISE_DAY.plusDays(1), 50, 100, "HIGH")));
        List<Recommendation> found = investigations(input);
        assertThat(found).extracting(Recommendation::resourceId).containsExactly("ServiceName=" + EC2);
        Recommendation rise = found.get(0);
        // Baseline: i-a alone for the 14 days before; level: both instances on the 4 days after.
        assertThat(rise.monthlySavings())
                .isCloseTo(Math.min(0.5 * MONTH, monthlyBill(0.192 * 720 + 0.5 * 120)), within(0.01));
        assertThat(rise.currentMonthlyCost()).isCloseTo(0.692 * MONTH, within(0.01));
        assertThat(rise.confidence()).isEqualTo(0.3);
        assertThat(rise.evidence().inputs()).containsEntry("baselineDays", 14L).containsEntry("levelDays", 4L);
    }

    @Test
    void aOneDaySpikeThatIsOverSavesNothing() {
        Fleet fleet = new Fleet()
                .compute("i-a", "m5.xlarge", 0.192, "prod", 60, null)
                .compute("i-spike", "m5.2xlarge", 0.5, "prod", -1, null, 600, 624);
        RecommendationInput input = fleet.input()
                .withAnomalies(
                        List.of(new AnomalySignal("ServiceName", EC2, RISE_DAY, 0.692 * 24, 0.192 * 24, "HIGH")));
        RecommendationEngine noMinimum = RecommendationEngine.builder()
                .options(RecommendationOptions.defaults().toBuilder()
                        .minMonthlySavings(0)
                        .build())
                .build();
        assertThat(noMinimum.recommend(input).recommendations())
                .noneMatch(r -> r.type() == RecommendationType.INVESTIGATE_ANOMALY);
    }

    @Test
    void aLastingRiseIsNotHiddenByALargerSpikeOnTheSameDay() {
        Fleet fleet = new Fleet()
                .compute("i-a", "m5.xlarge", 0.192, "prod", 60, null)
                .compute("i-spike", "m5.2xlarge", 5.0, "prod", -1, null, 600, 624)
                .gp2Volume("vol-a", 500);
        // The storage rise: a second volume from the rise day on, billed under another service.
        for (int h = 600; h < Fleet.DAYS * 24; h++) {
            fleet.records()
                    .add(dev.costagent.core.focus.CostRecord.builder()
                            .chargePeriodStart(Fleet.START.plusSeconds(h * 3600L))
                            .chargePeriodEnd(Fleet.START.plusSeconds(h * 3600L + 3600))
                            .billingCurrency("USD")
                            .providerName("AWS")
                            .regionId("us-east-1")
                            .subAccountId("111")
                            .chargeCategory("Usage")
                            .serviceName("Amazon S3")
                            .resourceId("bucket-b")
                            .effectiveCost(java.math.BigDecimal.valueOf(0.25))
                            .build());
        }
        RecommendationInput input = fleet.input()
                .withAnomalies(List.of(
                        new AnomalySignal("ServiceName", EC2, RISE_DAY, 5.192 * 24, 0.192 * 24, "HIGH"),
                        new AnomalySignal("ServiceName", "Amazon S3", RISE_DAY, 6, 0, "HIGH")));
        List<Recommendation> found = investigations(input);
        assertThat(found).extracting(Recommendation::resourceId).containsExactly("ServiceName=Amazon S3");
        assertThat(found.get(0).monthlySavings()).isCloseTo(0.25 * MONTH, within(0.01));
    }

    @Test
    void withoutDaysBeforeTheAnomalyTheModelsExpectationIsTheBaseline() {
        Fleet fleet = new Fleet().compute("i-new", "m5.2xlarge", 0.5, "prod", -1, null, 600, Fleet.DAYS * 24);
        RecommendationInput input =
                fleet.input().withAnomalies(List.of(new AnomalySignal("ServiceName", EC2, RISE_DAY, 12, 2, "HIGH")));
        Recommendation rise = investigations(input).get(0);
        assertThat(rise.evidence().inputs()).containsEntry("baselineDays", 0L);
        assertThat(rise.monthlySavings()).isCloseTo((12 - 2) * MONTH / 24, within(0.01));
    }

    @Test
    void anAnomalyOnTheLastDayIsJudgedByThatDayWithLessConfidence() {
        Fleet fleet = new Fleet()
                .compute("i-a", "m5.xlarge", 0.192, "prod", 60, null)
                .compute("i-late", "m5.2xlarge", 0.5, "prod", -1, null, Fleet.DAYS * 24 - 24, Fleet.DAYS * 24);
        java.time.LocalDate lastDay = java.time.LocalDate.parse("2024-09-30");
        RecommendationInput input = fleet.input()
                .withAnomalies(List.of(new AnomalySignal("ServiceName", EC2, lastDay, 0.692 * 24, 0.192 * 24, "HIGH")));
        List<Recommendation> found = investigations(input);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).monthlySavings())
                .isCloseTo(Math.min(0.5 * MONTH, monthlyBill(0.192 * 720 + 0.5 * 24)), within(0.01));
        assertThat(found.get(0).confidence()).isEqualTo(0.2);
        assertThat(found.get(0).evidence().inputs()).containsEntry("daysAfterTheAnomaly", 0L);
    }

    @Test
    void aSavingNeverExceedsWhatTheTargetCosts() {
        RecommendationInput input = risingFleet()
                .input()
                .withAnomalies(List.of(new AnomalySignal("ServiceName", EC2, RISE_DAY, 1_000_000, 1, "HIGH")));
        Recommendation rise = investigations(input).get(0);
        assertThat(rise.monthlySavings())
                .isLessThanOrEqualTo(rise.currentMonthlyCost())
                .isCloseTo(Math.min(0.5 * MONTH, monthlyBill(0.192 * 720 + 0.5 * 120)), within(0.01));
    }

    @Test
    void anomaliesOfTheSameDayInSeveralDimensionsAreOneInvestigation() {
        RecommendationInput input = risingFleet()
                .input()
                .withAnomalies(List.of(
                        new AnomalySignal("total", null, RISE_DAY, 160, 100, "HIGH"),
                        new AnomalySignal("ServiceName", EC2, RISE_DAY, 150, 100, "HIGH"),
                        new AnomalySignal("RegionId", "us-east-1", RISE_DAY, 150, 100, "HIGH")));
        List<Recommendation> found = investigations(input);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).resourceId()).isEqualTo("total");
        assertThat(found.get(0).monthlySavings())
                .isCloseTo(Math.min(0.5 * MONTH, monthlyBill(0.192 * 720 + 0.5 * 120)), within(0.01));
    }

    /** The usage bill of a 30-day fleet at its mean rate per month: no investigation claims more (issue 18). */
    private static double monthlyBill(double usageCost) {
        return usageCost / (Fleet.DAYS * 24) * MONTH;
    }
}
