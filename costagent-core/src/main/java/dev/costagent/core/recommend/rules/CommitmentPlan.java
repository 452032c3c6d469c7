package dev.costagent.core.recommend.rules;

import dev.costagent.core.analysis.commitment.CommitmentAnalyzer;
import dev.costagent.core.analysis.utilization.NearestRank;
import dev.costagent.core.focus.FocusColumn;
import dev.costagent.core.recommend.catalog.Rate;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.recommend.model.RecommendationType;
import dev.costagent.core.recommend.spi.BillingWindow;
import dev.costagent.core.recommend.spi.CommitmentScope;
import dev.costagent.core.recommend.spi.ResourceProfile;
import dev.costagent.core.recommend.spi.RuleContext;
import dev.costagent.core.table.CostQuery;
import dev.costagent.core.table.Dimension;
import dev.costagent.core.table.Filter;
import dev.costagent.core.table.QueryResult;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The commitment side of one run, computed once for both commitment rules so that no on-demand dollar is counted
 * twice. Per {@link CommitmentScope}:
 * <ol>
 *   <li>{@code eligible[h]}: commitment-eligible on-demand cost per hour of the window (daily rows spread);</li>
 *   <li>{@code remaining[h] = eligible[h] − Σ removed_r[h]} over the planned exclusive actions r on resources of the
 *       scope: the whole cost for terminate, stop and spot, {@code monthlySavings / onDemandMonthlyCost} of it for a
 *       rightsize, the hours outside the schedule's working hours for a schedule;</li>
 *   <li>unused commitments of the scope absorb first: {@code absorbed[h] = min(remaining[h], U)} with U their unused
 *       cost per hour; each commitment's saving is its share of {@code absorbed};</li>
 *   <li>the purchase is simulated on {@code left[h] = remaining[h] − absorbed[h]} over every candidate level c (the
 *       1st to 100th nearest-rank percentiles of {@code left}): {@code net(c) = Σ_h min(left[h], c) − H × c × (1 − d)}
 *       with d the provider's discount for the option; the level with the largest net saving wins.</li>
 * </ol>
 */
final class CommitmentPlan {

    /** One simulated purchase option at one level. */
    record Simulation(
            String option,
            Rate rate,
            double level,
            double commitmentPerHour,
            double utilization,
            double monthlyNetSavings,
            double upfront,
            double breakEvenMonths,
            int termMonths,
            double npv) {}

    /** A purchase for one scope. */
    record Purchase(
            CommitmentScope scope,
            Simulation chosen,
            Map<String, Simulation> options,
            int hours,
            double eligibleMonthly,
            double removedByActionsMonthly,
            double absorbedByUnusedMonthly,
            double coveredShareOfHours,
            Map<String, Double> removedByResource) {}

    /** An existing commitment with unused cost, and the on-demand cost it can absorb. */
    record Unused(
            String commitmentId,
            CommitmentScope scope,
            double unusedCost,
            double commitmentCost,
            long hours,
            double utilization,
            double absorbedMonthly) {}

    final List<Purchase> purchases;
    final List<Unused> unused;

    private CommitmentPlan(List<Purchase> purchases, List<Unused> unused) {
        this.purchases = List.copyOf(purchases);
        this.unused = List.copyOf(unused);
    }

    /** The plan of this run for these settings, computed once and shared by both commitment rules. */
    static CommitmentPlan of(RuleContext context, CommitmentOptions options) {
        return context.shared(new PlanKey(options), c -> compute(c, options));
    }

    /** The key the plan is shared under: one plan per run and settings. */
    private record PlanKey(CommitmentOptions options) {
        // equals and hashCode written out: a record's generated ones are linked on first use (an invokedynamic
        // bootstrap), which in a one-shot process costs milliseconds of the recommend stage
        @Override
        public boolean equals(Object o) {
            return o instanceof PlanKey k && options.equals(k.options);
        }

        @Override
        public int hashCode() {
            return options.hashCode();
        }
    }

    static CommitmentPlan compute(RuleContext context, CommitmentOptions options) {
        BillingWindow w = context.window().orElse(null);
        if (w == null) {
            return new CommitmentPlan(List.of(), List.of());
        }
        int hours = (int) w.hours();
        Map<CommitmentScope, double[]> eligible = context.commitmentEligibleHourlyByScope();
        Map<CommitmentScope, double[]> remaining = new TreeMap<>();
        eligible.forEach((scope, e) -> remaining.put(scope, e.clone()));

        // 2. what the planned actions remove
        Map<String, Recommendation> actions = new TreeMap<>();
        for (Recommendation r : context.plannedActions()) {
            if (REMOVES_COMPUTE.contains(r.type())) {
                actions.put(r.resourceId(), r);
            }
        }
        Map<CommitmentScope, Map<String, Double>> removedByResource = new TreeMap<>();
        for (Map.Entry<RuleContext.ScopedKey, double[]> e :
                context.eligibleHourly(actions.keySet()).entrySet()) {
            String id = e.getKey().resourceId();
            double[] rem = remaining.get(e.getKey().scope());
            if (id == null || rem == null) {
                continue;
            }
            Recommendation action = actions.get(id);
            double[] cost = e.getValue();
            double fraction = fraction(context, action);
            double removed = 0;
            for (int h = 0; h < hours; h++) {
                double part = action.type() == RecommendationType.SCHEDULE
                        ? (offHours(w.startHour() + h, onHoursPerWeek(action)) ? cost[h] : 0)
                        : cost[h] * fraction;
                part = Math.min(part, rem[h]);
                rem[h] -= part;
                removed += part;
            }
            removedByResource
                    .computeIfAbsent(e.getKey().scope(), k -> new TreeMap<>())
                    .merge(id, Recommendation.monthlyRate(removed, hours), Double::sum);
        }

        // 3. unused commitments absorb first
        List<Unused> unused = new ArrayList<>();
        Map<CommitmentScope, double[]> left = new TreeMap<>();
        Map<CommitmentScope, Double> absorbedTotal = new HashMap<>();
        Map<CommitmentScope, List<double[]>> commitmentsByScope = new TreeMap<>();
        Map<CommitmentScope, List<String>> idsByScope = new TreeMap<>();
        existingCommitments(context, w, commitmentsByScope, idsByScope);
        for (Map.Entry<CommitmentScope, double[]> e : remaining.entrySet()) {
            left.put(e.getKey(), e.getValue().clone());
        }
        for (Map.Entry<CommitmentScope, List<double[]>> e : commitmentsByScope.entrySet()) {
            CommitmentScope scope = e.getKey();
            double[] rem = left.computeIfAbsent(scope, k -> new double[hours]);
            double totalUnusedPerHour = 0;
            for (double[] a : e.getValue()) {
                totalUnusedPerHour += a[1] / w.hoursFrom((long) a[2]);
            }
            double absorbed = 0;
            for (int h = 0; h < hours; h++) {
                double part = Math.min(rem[h], totalUnusedPerHour);
                rem[h] -= part;
                absorbed += part;
            }
            absorbedTotal.put(scope, absorbed);
            for (int i = 0; i < e.getValue().size(); i++) {
                double[] a = e.getValue().get(i);
                long since = w.hoursFrom((long) a[2]);
                double share = totalUnusedPerHour == 0 ? 0 : a[1] / since / totalUnusedPerHour;
                unused.add(new Unused(
                        idsByScope.get(scope).get(i),
                        scope,
                        a[1],
                        a[0],
                        since,
                        a[0] == 0 ? 0 : 1 - a[1] / a[0],
                        Recommendation.monthlyRate(absorbed * share, hours)));
            }
        }

        // 4. simulate purchases
        List<Purchase> purchases = new ArrayList<>();
        for (Map.Entry<CommitmentScope, double[]> e : left.entrySet()) {
            CommitmentScope scope = e.getKey();
            double[] remainingHourly = e.getValue();
            Map<String, Rate> rates = context.settings().rates().commitments(scope.rateProvider());
            double eligibleSum = sum(eligible.getOrDefault(scope, new double[0]));
            if (eligibleSum <= 0) {
                continue;
            }
            if (rates.isEmpty()) {
                context.warn("no commitment purchase for " + scope.target() + ": no commitment rates for provider '"
                        + scope.rateProvider() + "' (add commitment," + scope.rateProvider()
                        + "/1yr-no-upfront,... to a rates file)");
                continue;
            }
            String option = rates.containsKey(options.option())
                    ? options.option()
                    : rates.keySet().iterator().next();
            double costOfCapital = options.costOfCapital();
            Simulation best = bestLevel(remainingHourly, option, rates.get(option), costOfCapital);
            if (best == null || best.monthlyNetSavings() <= 0) {
                continue;
            }
            Map<String, Simulation> all = new LinkedHashMap<>();
            for (Map.Entry<String, Rate> r : rates.entrySet()) {
                Simulation s = bestLevel(remainingHourly, r.getKey(), r.getValue(), costOfCapital);
                if (s != null) {
                    all.put(r.getKey(), s);
                }
            }
            int covered = 0;
            for (double h : remainingHourly) {
                if (h >= best.level()) {
                    covered++;
                }
            }
            double removedMonthly = removedByResource.getOrDefault(scope, Map.of()).values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            purchases.add(new Purchase(
                    scope,
                    best,
                    all,
                    hours,
                    Recommendation.monthlyRate(eligibleSum, hours),
                    removedMonthly,
                    Recommendation.monthlyRate(absorbedTotal.getOrDefault(scope, 0.0), hours),
                    (double) covered / hours,
                    removedByResource.getOrDefault(scope, Map.of())));
        }
        return new CommitmentPlan(purchases, unused);
    }

    private static final Set<RecommendationType> REMOVES_COMPUTE = Set.of(
            RecommendationType.TERMINATE_IDLE,
            RecommendationType.STOP_IDLE,
            RecommendationType.RIGHTSIZE,
            RecommendationType.SCHEDULE,
            RecommendationType.SPOT_CANDIDATE);

    /** The share of a resource's on-demand cost an action removes (a schedule removes by hour instead). */
    /** The weekly on-hours a planned schedule keeps, as its rule recorded them in the evidence. */
    private static double onHoursPerWeek(Recommendation action) {
        Object recorded = action.evidence().inputs().get("onHoursPerWeek");
        return recorded instanceof Number n ? n.doubleValue() : ScheduleRule.Options.DEFAULTS.onHoursPerWeek();
    }

    private static double fraction(RuleContext context, Recommendation action) {
        if (action.type() != RecommendationType.RIGHTSIZE) {
            return 1; // terminate, stop: all of it; spot: all of it moves to Dynamic
        }
        double onDemand = context.profile(action.resourceId())
                .map(ResourceProfile::onDemandMonthlyCost)
                .orElse(0.0);
        return onDemand <= 0 ? 0 : Math.min(1, action.monthlySavings() / onDemand);
    }

    /** Whether an epoch hour is outside the schedule: weekdays from 08:00 UTC for onHoursPerWeek / 5 hours. */
    static boolean offHours(long epochHour, double onHoursPerWeek) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epochHour, 24));
        int hour = (int) Math.floorMod(epochHour, 24);
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return true;
        }
        double perDay = onHoursPerWeek / 5;
        return !(hour >= 8 && hour < 8 + perDay);
    }

    /** The level with the largest net saving for one rate, among the 1st..100th percentiles of the hourly cost. */
    static Simulation bestLevel(double[] hourly, String option, Rate rate, double costOfCapital) {
        double[] sorted = hourly.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0 || sorted[sorted.length - 1] <= 0) {
            return null;
        }
        TreeSet<Double> levels = new TreeSet<>();
        for (int p = 1; p <= 100; p++) {
            double level = NearestRank.percentile(sorted, p);
            if (level > 0) {
                levels.add(level);
            }
        }
        Simulation best = null;
        for (double level : levels) {
            Simulation s = simulate(hourly, option, rate, level, costOfCapital);
            if (best == null || s.monthlyNetSavings() > best.monthlyNetSavings()) {
                best = s;
            }
        }
        return best;
    }

    /**
     * One level over the lookback: what the commitment would have covered hour by hour, its utilization, the net
     * saving, the break-even month of its upfront payment, and the net present value over the term at the annual
     * cost of capital: {@code −upfront + Σ_{m=1..term} monthlyBenefit / (1 + r/12)^m}.
     */
    static Simulation simulate(double[] hourly, String option, Rate rate, double level, double costOfCapital) {
        int years = option.startsWith("3yr") ? 3 : 1;
        double upfrontShare = option.contains("all-upfront") ? 1 : option.contains("partial") ? 0.5 : 0;
        double d = rate.value();
        double commitmentPerHour = level * (1 - d);
        double covered = 0;
        for (double h : hourly) {
            covered += Math.min(h, level);
        }
        int n = hourly.length;
        double coveredMonthly = covered / n * Recommendation.HOURS_PER_MONTH;
        double netMonthly = coveredMonthly - commitmentPerHour * Recommendation.HOURS_PER_MONTH;
        double upfront = upfrontShare * commitmentPerHour * 8760 * years;
        // monthly benefit once the upfront is paid: on-demand avoided minus the recurring part of the commitment
        double monthlyBenefit =
                coveredMonthly - (1 - upfrontShare) * commitmentPerHour * Recommendation.HOURS_PER_MONTH;
        double breakEven = netMonthly <= 0
                ? Double.POSITIVE_INFINITY
                : upfront == 0 ? 0 : Math.round(upfront / monthlyBenefit * 100) / 100.0;
        double npv = -upfront;
        for (int m = 1; m <= 12 * years; m++) {
            npv += monthlyBenefit / Math.pow(1 + costOfCapital / 12, m);
        }
        return new Simulation(
                option,
                rate,
                level,
                commitmentPerHour,
                covered / (level * n),
                netMonthly,
                upfront,
                breakEven,
                12 * years,
                npv);
    }

    /** Per scope: {commitmentCost, unusedCost, first unused hour} per commitment with unused cost, and their ids. */
    private static void existingCommitments(
            RuleContext context,
            BillingWindow w,
            Map<CommitmentScope, List<double[]>> byScope,
            Map<CommitmentScope, List<String>> ids) {
        Dimension id = Dimension.of(FocusColumn.COMMITMENT_DISCOUNT_ID);
        QueryResult result = context.query(CostQuery.builder()
                .groupBy(
                        id,
                        Dimension.of(FocusColumn.COMMITMENT_DISCOUNT_STATUS),
                        Dimension.DAY,
                        Dimension.of(FocusColumn.PROVIDER_NAME),
                        Dimension.of(FocusColumn.BILLING_ACCOUNT_ID),
                        Dimension.of(FocusColumn.SUB_ACCOUNT_ID),
                        Dimension.of(FocusColumn.BILLING_CURRENCY))
                .filter(Filter.notIn(id, (String) null))
                .range(w.range())
                .build());
        Map<String, double[]> acc = new TreeMap<>();
        Map<String, CommitmentScope> scopes = new HashMap<>();
        for (QueryResult.Group g : result.groups()) {
            if (g.key(0) == null || g.key(2) == null) {
                continue;
            }
            double[] a = acc.computeIfAbsent(g.key(0), k -> new double[] {0, 0, Double.MAX_VALUE});
            a[0] += g.value();
            if (CommitmentAnalyzer.UNUSED.equalsIgnoreCase(g.key(1)) && g.value() != 0) {
                a[1] += g.value();
                a[2] = Math.min(a[2], BillingWindow.parseDay(g.key(2)) * 24);
                scopes.putIfAbsent(
                        g.key(0), new CommitmentScope(g.key(3), g.key(4) != null ? g.key(4) : g.key(5), g.key(6)));
            }
        }
        acc.forEach((commitment, a) -> {
            if (a[1] > 0) {
                CommitmentScope scope = scopes.get(commitment);
                byScope.computeIfAbsent(scope, k -> new ArrayList<>()).add(a);
                ids.computeIfAbsent(scope, k -> new ArrayList<>()).add(commitment);
            }
        });
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
