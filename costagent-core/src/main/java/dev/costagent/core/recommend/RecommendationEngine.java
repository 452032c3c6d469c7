package dev.costagent.core.recommend;

import static java.util.Objects.requireNonNull;

import dev.costagent.core.recommend.rules.AnomalyRule;
import dev.costagent.core.recommend.rules.CommitmentPurchaseRule;
import dev.costagent.core.recommend.rules.IdleRule;
import dev.costagent.core.recommend.rules.RecommendationRule;
import dev.costagent.core.recommend.rules.RightsizeRule;
import dev.costagent.core.recommend.rules.RuleContext;
import dev.costagent.core.recommend.rules.ScheduleRule;
import dev.costagent.core.recommend.rules.SpotRule;
import dev.costagent.core.recommend.rules.StorageTierRule;
import dev.costagent.core.recommend.rules.UnusedCommitmentRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns billing data, utilization verdicts and anomalies into a ranked list of savings.
 *
 * <p>A run evaluates every rule against one shared {@link RuleContext}, then:
 * <ol>
 *   <li><b>dedupes per target</b>: a recommendation that removes the resource (terminate, then stop) beats every
 *       other for the same target; otherwise the largest monthly saving wins. The winner's evidence names what it
 *       superseded;</li>
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

    /** The rules shipped with costagent, one per recommendation type group. */
    public static List<RecommendationRule> shippedRules() {
        return List.of(new IdleRule(), new RightsizeRule(), new ScheduleRule(), new SpotRule(),
                new StorageTierRule(), new UnusedCommitmentRule(), new CommitmentPurchaseRule(), new AnomalyRule());
    }

    /** The options. */
    public RecommendationOptions options() {
        return options;
    }

    /** The rules, in evaluation order. */
    public List<RecommendationRule> rules() {
        return rules;
    }

    /** Runs every rule and returns the deduped, filtered, ranked result. */
    public RecommendationResult recommend(RecommendationInput input) {
        RuleContext context = new RuleContext(input.billing(), options, input.utilization(), input.anomalies(),
                input.inventory());
        List<Recommendation> all = new ArrayList<>();
        for (RecommendationRule rule : rules) {
            context.checking(rule.name());
            all.addAll(rule.evaluate(context));
        }
        Map<String, List<Recommendation>> byTarget = new TreeMap<>();
        for (Recommendation r : all) {
            byTarget.computeIfAbsent(r.resourceId(), k -> new ArrayList<>()).add(r);
        }
        List<Recommendation> kept = new ArrayList<>();
        int superseded = 0;
        int belowMinimum = 0;
        for (List<Recommendation> candidates : byTarget.values()) {
            candidates.sort(PREFERENCE);
            Recommendation winner = candidates.get(0);
            if (candidates.size() > 1) {
                superseded += candidates.size() - 1;
                List<String> others = new ArrayList<>();
                for (Recommendation loser : candidates.subList(1, candidates.size())) {
                    others.add(loser.type().name());
                }
                winner = winner.withEvidence(winner.evidence().with("supersedes", others));
            }
            if (winner.monthlySavings() < options.minMonthlySavings()) {
                belowMinimum++;
                continue;
            }
            kept.add(winner);
        }
        return new RecommendationResult(options.ranking().rank(kept), context.warnings(), belowMinimum, superseded);
    }

    /** Removing the resource first (terminate before stop), then the larger saving, then type order. */
    private static final Comparator<Recommendation> PREFERENCE = Comparator
            .comparing((Recommendation r) -> !r.type().removesResource())
            .thenComparing(r -> r.type().removesResource() ? r.type().ordinal() : 0)
            .thenComparing(Comparator.comparingDouble(Recommendation::monthlySavings).reversed())
            .thenComparing(r -> r.type().ordinal());

    /** Builds a {@link RecommendationEngine}. */
    public static final class Builder {
        private RecommendationOptions options = RecommendationOptions.defaults();
        private final List<RecommendationRule> rules = new ArrayList<>(shippedRules());

        private Builder() {}

        /** The options. */
        public Builder options(RecommendationOptions value) {
            this.options = requireNonNull(value);
            return this;
        }

        /** Adds a rule after the shipped ones. */
        public Builder rule(RecommendationRule rule) {
            rules.add(requireNonNull(rule));
            return this;
        }

        /** Replaces all rules. */
        public Builder rules(List<RecommendationRule> value) {
            rules.clear();
            rules.addAll(value);
            return this;
        }

        /** The engine. */
        public RecommendationEngine build() {
            return new RecommendationEngine(options, rules);
        }
    }
}
