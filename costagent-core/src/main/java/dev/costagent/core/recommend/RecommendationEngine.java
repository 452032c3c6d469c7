package dev.costagent.core.recommend;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Throwables;
import dev.costagent.core.recommend.model.AnomalySignal;
import dev.costagent.core.recommend.model.Recommendation;
import dev.costagent.core.recommend.rules.AnomalyRule;
import dev.costagent.core.recommend.rules.CommitmentPurchaseRule;
import dev.costagent.core.recommend.rules.IdleRule;
import dev.costagent.core.recommend.rules.RightsizeRule;
import dev.costagent.core.recommend.rules.ScheduleRule;
import dev.costagent.core.recommend.rules.SpotRule;
import dev.costagent.core.recommend.rules.StorageTierRule;
import dev.costagent.core.recommend.rules.UnusedCommitmentRule;
import dev.costagent.core.recommend.spi.RecommendationRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * Turns billing data, utilization verdicts and anomalies into a ranked list of savings.
 *
 * <p>A run evaluates the rules against one shared {@link dev.costagent.core.recommend.spi.RuleContext} in two phases (resource actions, then the
 * commitment rules sized on what those actions leave), then:
 * <ol>
 *   <li><b>dedupes per target</b>: a recommendation that removes the resource (terminate, then stop) beats every
 *       other for the same target; otherwise the largest monthly saving wins. The winner's evidence names what it
 *       superseded and lists their savings as {@code alternatives}, which no total adds;</li>
 *   <li><b>drops</b> those saving less than {@link RecommendationOptions#minMonthlySavings()};</li>
 *   <li><b>ranks</b> by {@link Ranking}'s documented score and marks quick wins.</li>
 * </ol>
 * Immutable; one engine serves any number of concurrent runs.
 */
public final class RecommendationEngine {

    private final RecommendationOptions options;
    private final List<RecommendationRule> rules;

    private RecommendationEngine(RecommendationOptions options, List<RecommendationRule> rules) {
        this.options = options;
        this.rules = List.copyOf(rules);
    }

    /** An engine with the default options and every shipped rule. */
    public static RecommendationEngine defaults() {
        return builder().build();
    }

    /** A builder with the default options and every shipped rule. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rules shipped with costagent, one per recommendation type group, with their default settings. */
    public static List<RecommendationRule> shippedRules() {
        return shippedRules(RecommendationOptions.defaults());
    }

    /** The rules shipped with costagent, each with its settings from the options. */
    public static List<RecommendationRule> shippedRules(RecommendationOptions options) {
        return List.of(
                new IdleRule(options.idle()),
                new RightsizeRule(options.rightsize()),
                new ScheduleRule(options.schedule()),
                new SpotRule(),
                new StorageTierRule(),
                new UnusedCommitmentRule(options.commitments()),
                new CommitmentPurchaseRule(options.commitments()),
                new AnomalyRule(options.anomaly()));
    }

    /** The options. */
    public RecommendationOptions options() {
        return options;
    }

    /** The rules, in evaluation order. */
    public List<RecommendationRule> rules() {
        return rules;
    }

    /**
     * Runs every rule and returns the deduped, filtered, ranked result: first the rules acting on resources, deduped
     * to one exclusive action per resource; then the rules {@linkplain RecommendationRule#sizedAfterActions() sized
     * after those actions} (commitments), so that no saving is counted twice.
     */
    public RecommendationResult recommend(RecommendationInput input) {
        return recommend(input, null);
    }

    /**
     * Starts a run's shared queries on {@code executor} ahead of {@link #recommend(RecommendationInput, Prepared)}:
     * those that depend on the billing data, the utilization verdicts and the inventory alone (the billing window,
     * the per-resource facts, the commitment baseline, the candidates' profiles and instance types), not on the
     * anomalies nor on any rule. The agent starts them when its analyses start, so they run on another core while
     * the analyses run. The result is the same as without: the rules get the same answers, and a query the data
     * cannot answer is asked again, and warned about, by the rule that needs it.
     *
     * @param input the run's billing data, verdicts and inventory (its anomalies are not read)
     * @param executor where the queries run; if no thread of it takes them, {@code recommend} runs them itself
     */
    public Prepared prepare(RecommendationInput input, Executor executor) {
        QueryingRuleContext context = context(input, List.of());
        Prepared prepared = new Prepared(input, new FutureTask<>(() -> {
            context.prepare();
            return context;
        }));
        try {
            executor.execute(prepared.task);
        } catch (RejectedExecutionException full) {
            // run by recommend, on its caller's thread
        }
        return prepared;
    }

    /**
     * {@link #recommend(RecommendationInput)} with the shared queries {@linkplain #prepare started ahead}: waits for
     * them (or runs them here if no thread has started them) when {@code prepared} was made from the same billing
     * data, verdicts and inventory as {@code input}; otherwise (or with {@code null}) asks every query itself.
     */
    public RecommendationResult recommend(RecommendationInput input, Prepared prepared) {
        QueryingRuleContext context = prepared != null && prepared.matches(input) ? prepared.join() : null;
        if (context != null) {
            context.anomalies(input.anomalies());
        } else {
            if (prepared != null) {
                prepared.cancel();
            }
            context = context(input, input.anomalies());
        }
        int[] counts = new int[2]; // superseded, below minimum
        List<Recommendation> kept = new ArrayList<>();
        List<Recommendation> first = new ArrayList<>();
        for (RecommendationRule rule : rules) {
            if (!rule.sizedAfterActions()) {
                context.checking(rule.name());
                first.addAll(rule.evaluate(context));
            }
        }
        kept.addAll(exclusive(first, counts));
        context.planActions(
                kept.stream().filter(Recommendation::countsTowardSavings).toList());
        List<Recommendation> second = new ArrayList<>();
        for (RecommendationRule rule : rules) {
            if (rule.sizedAfterActions()) {
                context.checking(rule.name());
                second.addAll(rule.evaluate(context));
            }
        }
        kept.addAll(exclusive(second, counts));
        // the currencies of the targets to stamp, read together (the context holds the candidates' facts only)
        context.readCurrencies(kept.stream()
                .filter(r -> r.currency().isEmpty())
                .map(Recommendation::resourceId)
                .toList());
        List<Recommendation> stamped = new ArrayList<>();
        for (Recommendation r : kept) {
            stamped.add(r.currency().isEmpty() ? r.withCurrency(context.currency(r.resourceId())) : r);
        }
        return new RecommendationResult(options.ranking().rank(stamped), context.warnings(), counts[1], counts[0]);
    }

    /**
     * One recommendation per target: the preferred one (see {@link #PREFERENCE}); the others are listed in its
     * evidence as {@code alternatives} (type, monthly savings, title) and never added to a total.
     */
    private List<Recommendation> exclusive(List<Recommendation> all, int[] counts) {
        Map<String, List<Recommendation>> byTarget = new TreeMap<>();
        for (Recommendation r : all) {
            byTarget.computeIfAbsent(r.resourceId(), k -> new ArrayList<>()).add(r);
        }
        List<Recommendation> kept = new ArrayList<>();
        for (List<Recommendation> candidates : byTarget.values()) {
            candidates.sort(PREFERENCE);
            Recommendation winner = candidates.get(0);
            if (candidates.size() > 1) {
                counts[0] += candidates.size() - 1;
                List<String> others = new ArrayList<>();
                List<Map<String, Object>> alternatives = new ArrayList<>();
                for (Recommendation loser : candidates.subList(1, candidates.size())) {
                    others.add(loser.type().name());
                    Map<String, Object> alt = new LinkedHashMap<>();
                    alt.put("type", loser.type().name());
                    alt.put("monthlySavings", loser.monthlySavings());
                    alt.put("title", loser.title());
                    alternatives.add(alt);
                }
                winner = winner.withEvidence(
                        winner.evidence().with("supersedes", others).with("alternatives", alternatives));
            }
            if (winner.monthlySavings() < options.minMonthlySavings()) {
                counts[1]++;
                continue;
            }
            kept.add(winner);
        }
        return kept;
    }

    /**
     * The order of exclusive actions on one resource: terminate, then stop (they remove the resource), then the
     * larger saving among rightsize, schedule, spot and the rest, then type order.
     */
    private static final Comparator<Recommendation> PREFERENCE = Comparator.comparing(
                    (Recommendation r) -> !r.type().removesResource())
            .thenComparing(r -> r.type().removesResource() ? r.type().ordinal() : 0)
            .thenComparing(
                    Comparator.comparingDouble(Recommendation::monthlySavings).reversed())
            .thenComparing(r -> r.type().ordinal());

    /** The rule context of a run: its billing data, verdicts and inventory, with these anomalies. */
    private QueryingRuleContext context(RecommendationInput input, List<AnomalySignal> anomalies) {
        return new QueryingRuleContext(
                input.billing(), options.context(), input.utilization(), anomalies, input.inventory());
    }

    /**
     * A run's shared queries started ahead by {@link #prepare}: the context they fill, for one
     * {@link #recommend(RecommendationInput, Prepared)} call. {@link #cancel()} drops it unused.
     */
    public static final class Prepared {
        private final RecommendationInput input;
        private final FutureTask<QueryingRuleContext> task;

        private Prepared(RecommendationInput input, FutureTask<QueryingRuleContext> task) {
            this.input = input;
            this.task = task;
        }

        /** Stops the queries if no thread has started them (a run that failed or never recommends). */
        public void cancel() {
            task.cancel(false);
        }

        private boolean matches(RecommendationInput other) {
            return input.billing() == other.billing()
                    && input.utilization().equals(other.utilization())
                    && input.inventory().equals(other.inventory());
        }

        /** The prepared context, running the preparation here unless another thread started it; null if cancelled. */
        private QueryingRuleContext join() {
            task.run(); // does nothing when started or done elsewhere
            try {
                return task.isCancelled() ? null : task.get();
            } catch (ExecutionException e) {
                Throwables.throwIfUnchecked(e.getCause());
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException(
                        "interrupted while waiting for the shared queries");
            }
        }
    }

    /** Builds a {@link RecommendationEngine}. */
    public static final class Builder {
        private RecommendationOptions options = RecommendationOptions.defaults();
        /** The rules, or null for the shipped ones (built with the options' rule settings) and {@link #added}. */
        private List<RecommendationRule> rules;

        private final List<RecommendationRule> added = new ArrayList<>();

        private Builder() {}

        /** The options; the shipped rules take their settings from them. */
        public Builder options(RecommendationOptions value) {
            this.options = requireNonNull(value);
            return this;
        }

        /** Adds a rule after the shipped ones. */
        public Builder rule(RecommendationRule rule) {
            added.add(requireNonNull(rule));
            return this;
        }

        /** Replaces all rules (the shipped ones and any added before). */
        public Builder rules(List<RecommendationRule> value) {
            rules = new ArrayList<>(value);
            added.clear();
            return this;
        }

        /** The engine. */
        public RecommendationEngine build() {
            List<RecommendationRule> all = new ArrayList<>(rules != null ? rules : shippedRules(options));
            all.addAll(added);
            return new RecommendationEngine(options, all);
        }
    }
}
